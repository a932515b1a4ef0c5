import { z } from "zod";
import { strictCartSchema } from "./checkout";
import { amountSchema } from "./money";
import { termInputSchema } from "./price-request";

const id = z.string().min(1).max(64);
const sku = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(64);
const term = termInputSchema.strict();
const itemIds = z.array(id).max(100);

/** A change as the buyer asks for it (lib/lifecycle/types.ts ChangeRequest): never a price. */
export const changeRequestSchema = z.union([
  z.object({ kind: z.literal("add"), sku, quantity: z.number().int().min(-999).max(999), term: term.optional() }).strict(),
  z.object({ kind: z.literal("raise"), itemId: id, toSku: sku }).strict(),
  z.object({ kind: z.literal("renew"), mode: z.literal("align"), itemIds }).strict(),
  z.object({ kind: z.literal("renew"), mode: z.literal("term"), term, itemIds }).strict(),
  z.object({ kind: z.literal("scheduled_renewal"), cart: strictCartSchema }).strict(),
]);

/** What the services page submits to order a change. */
export const changeOrderSchema = z
  .object({
    idempotencyKey: z.uuid(),
    organisationId: id,
    change: changeRequestSchema,
    /** The total the preview showed; the order is refused if the server's differs. */
    expectedTotal: amountSchema({ places: "exactly2" }),
  })
  .strict();
export type ChangeOrderInput = z.input<typeof changeOrderSchema>;
