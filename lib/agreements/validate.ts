import { z } from "zod";
import { EDITION_IDS, LOCALES } from "@/lib/catalog/ids";
import data from "./agreements.json" with { type: "json" };

const text = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<(typeof LOCALES)[number], z.ZodString>);

const agreementSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1),
  // An edition id, or "membership" for the personal membership (PRODUCT.md §7).
  editions: z.array(z.enum([...EDITION_IDS, "membership"])).min(1),
  title: text,
  summary: text,
});

export type Agreement = z.infer<typeof agreementSchema>;

/** Fails fast when the shipped agreements do not match their schema (run at server start). */
export function assertAgreementsValid(): Agreement[] {
  return z.array(agreementSchema).parse(data);
}
