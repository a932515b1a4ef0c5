import { z } from "zod";
import { isZero, PRICE_DIGITS } from "@/lib/money";
import { strictCartSchema } from "./checkout";
import { amountFieldSchema } from "./money";

// Error messages are message keys under "Quotes.errors", translated where they are shown.
const error = (key: string) => ({ error: `Quotes.errors.${key}` });

/** How long a quote stays open unless the rep says otherwise (PRODUCT.md §5). */
export const DEFAULT_QUOTE_DAYS = 30;
/** The furthest a quote's expiry may be set. */
export const MAX_QUOTE_DAYS = 365;

/** The terms a rep fills in beside the cart. Isomorphic: the builder's form and the server action share it. */
export const quoteTermsSchema = z.object({
  customerName: z.string().trim().min(1, error("customerName")).max(100, error("customerName")),
  customerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(error("customerEmail"))),
  note: z.string().trim().max(1000, error("note")),
  /** Percent off, 0 to 99.99, two places at most: an order must cost something to be paid. */
  discountPercent: amountFieldSchema({ digits: 2, message: error("discountPercent").error }),
  /** Per seat per billing period; enterprise and education-plus of 256+ seats only. Empty = list price. */
  negotiatedSeatPrice: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    amountFieldSchema({ digits: PRICE_DIGITS, message: error("negotiatedSeatPrice").error })
      .refine((v) => !isZero(v), error("negotiatedSeatPrice"))
      .nullable(),
  ),
  /** The last day (China time) the link works, from a date input. */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, error("expiresOn")),
  buyerMayEdit: z.boolean(),
});
export type QuoteTermsForm = z.input<typeof quoteTermsSchema>;

/** What the builder submits: the terms, the cart, and for a revision the quote it revises. */
export const issueQuoteSchema = quoteTermsSchema
  .extend({
    cart: strictCartSchema,
    quoteId: z.string().min(1).max(64).optional(),
    /** Save without sending: the quote keeps no working link until a version of it is issued. */
    draft: z.boolean().optional(),
  })
  .strict();
export type IssueQuoteInput = z.output<typeof issueQuoteSchema>;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time date `days` after `now`, as a date input value: "2026-12-22". */
export function chinaDatePlusDays(now: Date, days: number): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** A quote valid "until 2026-12-22" works to the end of that day in China. */
export function expiryOf(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/** Whether an expiry day is one a rep may set at `now`: today or later, at most MAX_QUOTE_DAYS ahead. */
export function isAllowedExpiry(day: string, now: Date): boolean {
  const at = expiryOf(day);
  return !Number.isNaN(at.getTime()) && at > now && at.getTime() - now.getTime() <= (MAX_QUOTE_DAYS + 1) * 86_400_000;
}
