import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/catalog/ids";
import { isValidUscc } from "@/lib/validations/uscc";
import data from "./seller.json" with { type: "json" };

/*
 * Who sells: the name and tax id printed on every receipt. Data, like the catalog: a change of
 * company details is an edit of seller.json (see README, "Seller details"); checked by its schema.
 */

const text = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<Locale, z.ZodString>);

export const sellerSchema = z.object({
  name: text,
  /** The seller's unified social credit code, which is its taxpayer id. */
  taxId: z.string().refine(isValidUscc, "taxId must be a valid unified social credit code"),
  address: text,
  phone: z.string().min(1),
  email: z.email(),
});

export type Seller = z.infer<typeof sellerSchema>;

/** The seller, validated (a wrong tax id fails at the first receipt and in the tests, never prints). */
export const seller: Seller = sellerSchema.parse(data);
