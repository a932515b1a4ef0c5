// Issuing a quote or a revision of one: validates the rep's input, prices it on the catalog in
// force, decides whether an operator must approve, and stores it. Server only (database).
import { z } from "zod";
import { catalog, type Locale } from "@/lib/catalog";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import type { QuoteStatus } from "@/lib/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import type { RuleViolation } from "@/lib/pricing/types";
import { expiryOf, isAllowedExpiry, issueQuoteSchema, type IssueQuoteInput } from "@/lib/validations/quote";
import { allowsNegotiatedPrice, isNegotiable, needsApproval } from "./approval";
import { priceQuote } from "./price";
import { canManageQuote } from "./staff-view";
import { createQuote, issueRevision } from "./store";

export interface Staff {
  id: string;
  role: Role;
  discountLimitPercent: number;
}

type FieldErrors = Partial<Record<keyof IssueQuoteInput, string[]>>;

export type IssueQuoteResult =
  /** `path` is the link, null for a draft (its token is never shown, so it never opens). */
  | { ok: true; quoteId: string; number: string; version: number; status: QuoteStatus; total: string; path: string | null }
  | { ok: false; error: "INVALID"; fieldErrors: FieldErrors }
  | { ok: false; error: "CART_INVALID"; ruleErrors: RuleViolation[] }
  | { ok: false; error: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CLOSED" };

const fieldError = (field: keyof IssueQuoteInput, key: string): IssueQuoteResult => ({
  ok: false,
  error: "INVALID",
  fieldErrors: { [field]: [`Quotes.errors.${key}`] },
});

/**
 * Issues a new quote, or a new version of `input.quoteId` (the rep's own, or any for an
 * operator), and returns its link path `/q/<token>` — the only time the token exists in clear.
 */
export async function issueQuote(db: Db, input: unknown, ctx: { staff: Staff; locale: Locale; now: Date }): Promise<IssueQuoteResult> {
  const { staff, now } = ctx;
  if (staff.role !== "sales" && staff.role !== "operator") return { ok: false, error: "FORBIDDEN" };
  const parsed = issueQuoteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors };
  const q = parsed.data;
  if (!isAllowedExpiry(q.expiresOn, now)) return fieldError("expiresOn", "expiresOnRange");
  const negotiable = isNegotiable(q.cart.edition);
  if (q.negotiatedSeatPrice !== null && !allowsNegotiatedPrice(q.cart.edition, q.cart.seats))
    return fieldError("negotiatedSeatPrice", "negotiatedNotAllowed");
  if (negotiable && q.negotiatedSeatPrice === null) return fieldError("negotiatedSeatPrice", "negotiatedRequired");

  const terms = { cart: q.cart, discountPercent: q.discountPercent, negotiatedSeatPrice: q.negotiatedSeatPrice };
  const priced = priceQuote(terms, catalog, { locale: ctx.locale, messages: messagesFor(ctx.locale).Pricing });
  if (!priced.ok) return { ok: false, error: "CART_INVALID", ruleErrors: priced.errors };
  if (priced.total === "0.00") return fieldError("discountPercent", "zeroTotal");
  const requiresApproval = needsApproval({
    ...terms,
    repLimitPercent: staff.discountLimitPercent,
    edition: q.cart.edition,
    seats: q.cart.seats,
  });
  const details = { customerName: q.customerName, customerEmail: q.customerEmail, note: q.note || null, buyerMayEdit: q.buyerMayEdit };
  const draft = q.draft ?? false;
  const expiresAt = expiryOf(q.expiresOn);

  if (q.quoteId === undefined) {
    const { quote, token } = await createQuote(db, {
      ...terms,
      ...details,
      expiresAt,
      createdBy: staff.id,
      catalogVersion: catalog.version,
      requiresApproval,
      draft,
      now,
    });
    return {
      ok: true,
      quoteId: quote.id,
      number: quote.number,
      version: 1,
      status: quote.status,
      total: priced.total,
      path: draft ? null : `/q/${token}`,
    };
  }
  const existing = await getQuoteWithVersions(db, { quoteId: q.quoteId });
  // Another rep's quote is as good as missing: its existence is not theirs to learn.
  if (!existing || !canManageQuote(staff, existing.quote)) return { ok: false, error: "NOT_FOUND" };
  const revised = await issueRevision(db, {
    quoteId: q.quoteId,
    changes: { ...terms, expiresAt },
    details,
    catalogVersion: catalog.version,
    requiresApproval,
    draft,
    now,
  });
  if (!revised.ok) return { ok: false, error: revised.reason };
  return {
    ok: true,
    quoteId: revised.quote.id,
    number: revised.quote.number,
    version: revised.version,
    status: revised.quote.status,
    total: priced.total,
    path: draft ? null : `/q/${revised.token}`,
  };
}
