// Price adjustments (PRODUCT.md §2.4): every discount, whatever its source, goes through
// applyAdjustment. Apart from price.ts because it needs decimal.js (a percentage divides) and the
// configurator's first load must not carry that; the server, the review step and quotes import it.
import type { Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { Decimal, roundToFen, toAmount } from "@/lib/money/decimal";
import { pricingTranslator, type PricingMessages } from "./messages";
import type { PriceAdjustment, PriceResult } from "./types";

/**
 * The order adjustments apply in (§2.4): catalog promotions (none in the catalog yet), then a
 * sales quote's discount, then a voucher. Each is taken off the total left by those before it.
 */
export const ADJUSTMENT_ORDER = ["quote-discount", "voucher"] as const satisfies readonly PriceAdjustment["kind"][];

/** What is taken off: a percentage of the running total (0–100, at most two places) or a fixed amount. */
export type Off = { percent: string | number } | { amount: string };

/** One adjustment to apply: its kind, its code (quote number, voucher code) and what it takes off. */
export type Adjustment = { kind: "quote-discount"; code: string; percent: string } | ({ kind: "voucher"; code: string } & Off);

const ZERO = new Decimal(0);

/**
 * What an adjustment takes off `base`: ≥ 0 and ≤ base, rounded half-up to the fen once.
 * Throws on a percent outside 0–100 or a non-positive amount (validation must have refused them).
 */
export function amountOff(base: Decimal, off: Off): Decimal {
  if ("percent" in off) {
    const percent = new Decimal(off.percent);
    if (percent.isNaN() || percent.lt(0) || percent.gt(100)) throw new Error(`bad percent ${off.percent}`);
    return base.lte(0) ? ZERO : Decimal.min(roundToFen(base.times(percent).dividedBy(100)), base);
  }
  const amount = new Decimal(off.amount);
  if (amount.isNaN() || amount.lte(0)) throw new Error(`bad amount ${off.amount}`);
  return base.lte(0) ? ZERO : Decimal.min(roundToFen(amount), base);
}

/**
 * Applies one adjustment to a priced cart: takes it off the running total (never below 0.00) and
 * adds it as a line of its own, worded in the buyer's language. Adjustments must come in
 * ADJUSTMENT_ORDER; applying one out of order is a bug and throws. Pure.
 */
export function applyAdjustment(
  result: PriceResult,
  adjustment: Adjustment,
  options: { locale: Locale; messages: PricingMessages },
): PriceResult {
  const rank = ADJUSTMENT_ORDER.indexOf(adjustment.kind);
  const last = result.adjustments.at(-1);
  if (last && ADJUSTMENT_ORDER.indexOf(last.kind) >= rank) throw new Error(`${adjustment.kind} after ${last.kind}`);
  const base = new Decimal(result.total);
  const off = amountOff(base, adjustment);
  const line: PriceAdjustment = {
    kind: adjustment.kind,
    code: adjustment.code,
    ...describe(adjustment, result.total, toAmount(off), pricingTranslator(options.locale, options.messages)),
    amount: off.isZero() ? "0.00" : toAmount(off.negated()),
  };
  return { ...result, adjustments: [...result.adjustments, line], total: toAmount(base.minus(off)) };
}

function describe(a: Adjustment, base: string, off: string, t: ReturnType<typeof pricingTranslator>) {
  const shown = { subtotal: formatMoney(base), off: formatMoney(off) };
  if (a.kind === "quote-discount") {
    const percent = new Decimal(a.percent).toString();
    return { label: t("quoteDiscount.label", { percent }), formula: t("quoteDiscount.formula", { ...shown, percent }) };
  }
  const label = t("voucher.label", { code: a.code });
  if ("percent" in a) return { label, formula: t("voucher.formulaPercent", { ...shown, percent: a.percent }) };
  return { label, formula: t("voucher.formulaCash", { face: formatMoney(toAmount(new Decimal(a.amount))), off: shown.off }) };
}
