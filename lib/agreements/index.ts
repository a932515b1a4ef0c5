import { z } from "zod";
import { EDITION_IDS, LOCALES } from "@/lib/catalog/schema";
import data from "./agreements.json" with { type: "json" };

const text = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<(typeof LOCALES)[number], z.ZodString>);

const agreementSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1),
  editions: z.array(z.enum(EDITION_IDS)).min(1),
  title: text,
  summary: text,
});

export type Agreement = z.infer<typeof agreementSchema>;

/** Every agreement in force, each with its current version (data, validated at load). */
export const agreements: Agreement[] = z.array(agreementSchema).parse(data);

/** The agreements a buyer of `edition` must accept, in display order. */
export function agreementsFor(edition: string): Agreement[] {
  return agreements.filter((a) => (a.editions as string[]).includes(edition));
}

export interface Consent {
  agreementId: string;
  version: string;
}

/** The agreements of `edition` not accepted at their current version; empty when all are. */
export function missingConsents(edition: string, consents: readonly Consent[]): Agreement[] {
  return agreementsFor(edition).filter((a) => !consents.some((c) => c.agreementId === a.id && c.version === a.version));
}
