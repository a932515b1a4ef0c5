import { z } from "zod";
import type { Catalog, Locale } from "@/lib/catalog/schema";
import { MAX_LEAD_MESSAGE, MAX_LEAD_SEATS } from "./contact-sales-limits";
import { organisationDetailsSchema } from "./organisation";

/**
 * What a lead can ask sales about: the editions and add-on tiers that are not sold self-serve
 * (PRODUCT.md §2.3 rule 10), or anything else. A test keeps this list in step with the catalog.
 */
export const CONTACT_SALES_INTERESTS = ["enterprise", "education-plus", "webinar-20000", "webinar-50000", "other"] as const;
export type ContactSalesInterest = (typeof CONTACT_SALES_INTERESTS)[number];

export { MAX_LEAD_MESSAGE, MAX_LEAD_SEATS } from "./contact-sales-limits";

const error = (key: string) => ({ error: `ContactSales.errors.${key}` });

/** An untouched number input sends "" (or NaN); both mean "not given". Numbers pass through, so parsing is idempotent. */
const seats = z.preprocess(
  (v) => (v === "" || v === null || Number.isNaN(v) ? undefined : typeof v === "string" ? Number(v.trim()) : v),
  z.number(error("seats")).int(error("seats")).min(1, error("seats")).max(MAX_LEAD_SEATS, error("seats")).optional(),
);

/** The contact-sales form: used by the form (zodResolver) and by the server action (safeParse). */
export const contactSalesSchema = organisationDetailsSchema.extend({
  interest: z.enum(CONTACT_SALES_INTERESTS, error("interest")),
  seats,
  message: z
    .string()
    .trim()
    .max(MAX_LEAD_MESSAGE, error("message"))
    .optional()
    .transform((v) => v || undefined),
  /** Generated once per form in the browser; a repeated submission with the same key stores one lead. */
  idempotencyKey: z.string(error("generic")).regex(/^[A-Za-z0-9_-]{16,64}$/, error("generic")),
});

/** What the form holds as the buyer types. */
export type ContactSalesInput = z.input<typeof contactSalesSchema>;
/** What the server stores, after trimming and normalising. */
export type ContactSalesValues = z.output<typeof contactSalesSchema>;
export type ContactSalesField = keyof ContactSalesValues;

/** The interest a link asks for: `?edition=enterprise|education-plus` or `?addon=webinar-20000|webinar-50000`. */
export function interestFromQuery(query: { edition?: string | string[]; addon?: string | string[] }): ContactSalesInterest | undefined {
  const wanted = [query.edition, query.addon].flat();
  return CONTACT_SALES_INTERESTS.find((interest) => interest !== "other" && wanted.includes(interest));
}

/** The seat count a link carries (`?seats=300` from the configurator), when it is one the form accepts. */
export function seatsFromQuery(value: string | string[] | undefined): number | undefined {
  const text = [value].flat()[0];
  if (text === undefined || !/^\d{1,7}$/.test(text)) return undefined;
  const parsed = seats.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/**
 * An interest's name in a language: the catalog's name, `other` for "other", and the raw value for
 * one the catalog no longer lists (a lead stored before a catalog change).
 */
export function interestLabel(catalog: Catalog, interest: string, locale: Locale, other: string): string {
  if (interest === "other") return other;
  const item = catalog.editions.find((e) => e.id === interest) ?? catalog.salesOnlyAddons.find((a) => a.sku === interest);
  return item?.name[locale] ?? interest;
}
