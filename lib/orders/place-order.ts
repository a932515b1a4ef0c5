import { missingConsents } from "@/lib/agreements";
import { catalog, type Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { findOrderByIdempotencyKey } from "@/lib/db/queries/orders";
import { findOwnProofUpload } from "@/lib/db/queries/proof-uploads";
import { listOwnedOrganisations } from "@/lib/db/queries/organisations";
import { lookupVoucher } from "@/lib/vouchers";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "@/lib/pricing";
import { requiresVerification } from "@/lib/pricing/editions";
import type { RuleViolation } from "@/lib/pricing/types";
import { applyVoucher } from "@/lib/pricing/voucher";
import { cartAllowedByQuote, openQuote, priceOpenQuote } from "@/lib/quotes/open";
import { checkoutSchema, type Checkout } from "@/lib/validations/checkout";
import { createOrder, requestHashOf, type OrderTarget } from "./create-order";
import { canUpgradeInPlace } from "./organisation-choices";

export type PlaceOrderResult =
  | { ok: true; orderId: string; created: boolean }
  | { ok: false; error: "INVALID_SHAPE"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "CART_INVALID"; ruleErrors: RuleViolation[] }
  | { ok: false; error: "PRICE_CHANGED"; total: string }
  | { ok: false; error: "CONSENT_MISSING"; missing: string[] }
  | { ok: false; error: "EDUCATION_DETAILS_REQUIRED" }
  | { ok: false; error: "EDUCATION_PROOF_INVALID" }
  | { ok: false; error: "IDEMPOTENCY_CONFLICT" }
  | { ok: false; error: "UPGRADE_METHOD_REQUIRED" }
  | { ok: false; error: "UPGRADE_TARGET_INVALID" }
  | { ok: false; error: "VOUCHER_UNKNOWN" | "VOUCHER_EXPIRED" | "VOUCHER_USED" }
  | { ok: false; error: "QUOTE_UNAVAILABLE"; reason: string }
  | { ok: false; error: "QUOTE_LOCKED" | "VOUCHER_WITH_QUOTE" };

/**
 * Places an order from what the browser submitted: re-validates the whole cart with the pricing
 * module, recomputes every amount from the catalog, checks the agreements, and stores it once
 * per idempotency key. Nothing is stored unless every check passes.
 */
export async function placeOrder(db: Db, input: unknown, ctx: { userId: string; locale: Locale; now: Date }): Promise<PlaceOrderResult> {
  const parsed = checkoutSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { ok: false, error: "INVALID_SHAPE", fieldErrors };
  }
  const checkout = parsed.data;
  const pricing = { locale: ctx.locale, messages: messagesFor(ctx.locale).Pricing };
  let priced = priceCart(checkout.cart, catalog, pricing);
  let voucher: { code: string; singleUse: boolean } | undefined;
  let quote: { id: string; version: number } | undefined;
  if (checkout.quoteToken) {
    // One discount per order: a quote's discount does not stack with a voucher.
    if (checkout.voucher) return { ok: false, error: "VOUCHER_WITH_QUOTE" };
    const open = await openQuote(db, { token: checkout.quoteToken, now: ctx.now });
    if (!open.ok) {
      // A repeat of the submission that converted the quote finds its own order; another body under its key is a conflict.
      const own =
        open.reason === "CONVERTED" &&
        (await findOrderByIdempotencyKey(db, { userId: ctx.userId, idempotencyKey: checkout.idempotencyKey }));
      if (own && own.quoteId === open.quoteId && own.quoteVersion !== null) {
        if (own.requestHash !== requestHashOf(checkout, { id: own.quoteId, version: own.quoteVersion }))
          return { ok: false, error: "IDEMPOTENCY_CONFLICT" };
        return { ok: true, orderId: own.id, created: false };
      }
      return { ok: false, error: "QUOTE_UNAVAILABLE", reason: open.reason };
    }
    if (!cartAllowedByQuote(open, checkout.cart)) return { ok: false, error: "QUOTE_LOCKED" };
    priced = priceOpenQuote(open, pricing, checkout.cart);
    quote = { id: open.quote.id, version: open.version.version };
  } else if (checkout.voucher) {
    const found = await lookupVoucher(db, { code: checkout.voucher, now: ctx.now });
    // A repeat of the very submission that redeemed it goes on to find its own order; anyone else is refused.
    const own =
      !found.ok &&
      found.error === "VOUCHER_USED" &&
      found.redeemedOrderId === (await findOrderByIdempotencyKey(db, { userId: ctx.userId, idempotencyKey: checkout.idempotencyKey }))?.id;
    if (!found.ok && !own) return { ok: false, error: found.error };
    if ("terms" in found) {
      priced = applyVoucher(priced, found.terms, pricing);
      voucher = { code: found.terms.code, singleUse: found.singleUse };
    }
  }
  if (!priced.ok) return { ok: false, error: "CART_INVALID", ruleErrors: priced.errors };
  if (priced.total !== checkout.expectedTotal) return { ok: false, error: "PRICE_CHANGED", total: priced.total };
  const missing = missingConsents(checkout.cart.edition, checkout.consents);
  if (missing.length) return { ok: false, error: "CONSENT_MISSING", missing: missing.map((a) => a.id) };
  const needsVerification = requiresVerification(catalog, checkout.cart.edition);
  if (needsVerification && !checkout.education) return { ok: false, error: "EDUCATION_DETAILS_REQUIRED" };
  // The proof must be a file this buyer uploaded: an id guessed or taken from someone else's order is refused.
  if (checkout.education && !(await findOwnProofUpload(db, { id: checkout.education.proofUploadId, userId: ctx.userId }))) {
    return { ok: false, error: "EDUCATION_PROOF_INVALID" };
  }
  const education = needsVerification ? checkout.education : undefined;
  const verification = education && {
    institutionName: education.institutionName,
    institutionType: education.institutionType,
    proofUploadId: education.proofUploadId,
  };

  const target = await orderTarget(db, ctx.userId, checkout);
  if ("error" in target) return { ok: false, error: target.error };
  const result = await createOrder(db, {
    userId: ctx.userId,
    target,
    checkout,
    priced,
    consents: checkout.consents,
    locale: ctx.locale,
    now: ctx.now,
    verification,
    voucher,
    quote,
  });
  if ("conflict" in result) return { ok: false, error: "IDEMPOTENCY_CONFLICT" };
  if ("voucherUsed" in result) return { ok: false, error: "VOUCHER_USED" };
  if ("quoteUnavailable" in result) return { ok: false, error: "QUOTE_UNAVAILABLE", reason: "CLOSED" };
  return { ok: true, orderId: result.order.id, created: result.created };
}

/**
 * Which organisation the order is for. A buyer who already has an organisation must say so
 * explicitly: upgrade a free one in place, or start a new one (a second purchase is never made by
 * accident; adding to a paid organisation is a mid-term change, not an order here). A buyer with
 * none gets a new one. An in-place upgrade keeps the organisation's name.
 */
async function orderTarget(
  db: Db,
  userId: string,
  checkout: Checkout,
): Promise<OrderTarget | { error: "UPGRADE_METHOD_REQUIRED" | "UPGRADE_TARGET_INVALID" }> {
  const owned = await listOwnedOrganisations(db, { userId, idempotencyKey: checkout.idempotencyKey });
  const choice = checkout.upgrade;
  if (owned.length === 0) return choice?.method === "in-place" ? { error: "UPGRADE_TARGET_INVALID" } : { method: "new" };
  if (!choice) return { error: "UPGRADE_METHOD_REQUIRED" };
  if (choice.method === "new") return choice;
  const target = owned.find((o) => o.id === choice.organisationId);
  if (!target || !canUpgradeInPlace(target)) return { error: "UPGRADE_TARGET_INVALID" };
  return { method: "in-place", organisationId: target.id, name: target.name };
}

/** The order a buyer's checkout key already produced, if any: the wizard goes there instead of offering to place it again. */
export async function orderPlacedUnder(db: Db, params: { userId: string; idempotencyKey: string }): Promise<string | null> {
  return (await findOrderByIdempotencyKey(db, params))?.id ?? null;
}
