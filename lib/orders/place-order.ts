import { missingConsents } from "@/lib/agreements";
import { catalog, findEdition, type Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { createOrder } from "@/lib/db/queries/orders";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "@/lib/pricing";
import type { RuleViolation } from "@/lib/pricing/types";
import { checkoutSchema } from "@/lib/validations/checkout";

export type PlaceOrderResult =
  | { ok: true; orderId: string; created: boolean }
  | { ok: false; error: "INVALID_SHAPE"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "CART_INVALID"; ruleErrors: RuleViolation[] }
  | { ok: false; error: "PRICE_CHANGED"; total: string }
  | { ok: false; error: "CONSENT_MISSING"; missing: string[] }
  | { ok: false; error: "EDUCATION_DETAILS_REQUIRED" }
  | { ok: false; error: "IDEMPOTENCY_CONFLICT" };

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
  const priced = priceCart(checkout.cart, catalog, { locale: ctx.locale, messages: messagesFor(ctx.locale).Pricing });
  if (!priced.ok) return { ok: false, error: "CART_INVALID", ruleErrors: priced.errors };
  if (priced.total !== checkout.expectedTotal) return { ok: false, error: "PRICE_CHANGED", total: priced.total };
  const missing = missingConsents(checkout.cart.edition, checkout.consents);
  if (missing.length) return { ok: false, error: "CONSENT_MISSING", missing: missing.map((a) => a.id) };
  if (findEdition(catalog, checkout.cart.edition)?.verification && !checkout.education) return { ok: false, error: "EDUCATION_DETAILS_REQUIRED" };

  const result = await createOrder(db, { userId: ctx.userId, checkout, priced, consents: checkout.consents, locale: ctx.locale, now: ctx.now });
  if ("conflict" in result) return { ok: false, error: "IDEMPOTENCY_CONFLICT" };
  return { ok: true, orderId: result.order.id, created: result.created };
}
