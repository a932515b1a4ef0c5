// Price adjustments (PRODUCT.md §2.4): every discount, whatever its source, goes through
// applyAdjustment. Integer fen like price.ts (a percentage's product is taken in BigInt, so no
// amount loses precision); apart from it so the configurator's first load does not carry the
// adjustment wording. The server, the review step and quotes import it.
import type { Locale } from "@/lib/catalog";
import { fenToAmount, formatFen, parseFen } from "@/lib/money";
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

/**
 * A percentage (0–100, at most two places) in hundredths: "15.5" → 1550. Two-place text is what money is
 * written in, so the fen parser reads it. Throws on anything else.
 */
function hundredths(percent: string | number): number {
  let h = NaN;
  try {
    h = parseFen(String(percent));
  } catch {}
  if (!(h >= 0 && h <= 10_000)) throw new Error(`bad percent ${percent}`);
  return h;
}

/** A percentage as people read it, from hundredths: 1500 → "15", 1550 → "15.5", 1501 → "15.01". */
const percentText = (h: number) => fenToAmount(h).replace(/\.?0+$/, "");

const HALF = BigInt(5_000);
const WHOLE = BigInt(10_000);

/**
 * What an adjustment takes off `baseFen`, in integer fen: ≥ 0 and ≤ base, a percentage rounded
 * half-up to the fen once. Throws on a percent outside 0–100 (or with more than two places) or a
 * non-positive amount (validation must have refused them).
 */
export function amountOff(baseFen: number, off: Off): number {
  if ("percent" in off) {
    const h = hundredths(off.percent);
    if (baseFen <= 0) return 0;
    // base × h / 10 000, half-up; the product can pass 2^53, so it is taken in BigInt.
    return Math.min(Number((BigInt(baseFen) * BigInt(h) + HALF) / WHOLE), baseFen);
  }
  let amount = NaN;
  try {
    amount = parseFen(off.amount);
  } catch {}
  if (!(amount > 0)) throw new Error(`bad amount ${off.amount}`);
  return baseFen <= 0 ? 0 : Math.min(amount, baseFen);
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
  const base = parseFen(result.total);
  const off = amountOff(base, adjustment);
  const line: PriceAdjustment = {
    kind: adjustment.kind,
    code: adjustment.code,
    ...describe(adjustment, base, off, pricingTranslator(options.locale, options.messages)),
    amount: fenToAmount(-off),
  };
  return { ...result, adjustments: [...result.adjustments, line], total: fenToAmount(base - off) };
}

function describe(a: Adjustment, baseFen: number, offFen: number, t: ReturnType<typeof pricingTranslator>) {
  const shown = { subtotal: formatFen(baseFen), off: formatFen(offFen) };
  if (a.kind === "quote-discount") {
    const percent = percentText(hundredths(a.percent));
    return { label: t("quoteDiscount.label", { percent }), formula: t("quoteDiscount.formula", { ...shown, percent }) };
  }
  const label = t("voucher.label", { code: a.code });
  if ("percent" in a) return { label, formula: t("voucher.formulaPercent", { ...shown, percent: a.percent }) };
  return { label, formula: t("voucher.formulaCash", { face: formatFen(parseFen(a.amount)), off: shown.off }) };
}
