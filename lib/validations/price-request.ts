import { z } from "zod";

/**
 * The shape of a cart as clients send it. Only types are checked here: a value of the right
 * type that breaks a cart rule is for the pricing module to refuse with its rule code.
 */
export const termInputSchema = z.object({ unit: z.string(), count: z.number() });

export const cartLineInputSchema = z.object({
  sku: z.string(),
  quantity: z.number(),
  term: termInputSchema.optional(),
});

export const cartInputSchema = z.object({
  edition: z.string(),
  seats: z
    .number()
    .nullish()
    .transform((v) => v ?? undefined),
  term: termInputSchema,
  addons: z.array(cartLineInputSchema).default([]),
});

/** `POST /api/v1/price` body (PRODUCT.md §9). */
export const priceRequestSchema = cartInputSchema.extend({ voucher: z.string().optional() });
export type PriceRequest = z.infer<typeof priceRequestSchema>;
