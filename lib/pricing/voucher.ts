// Voucher arithmetic lives apart from price.ts: it needs decimal.js (a percentage divides), and
// the configurator's first load must not carry that. The server and the review step import it.
import type { Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { Decimal, roundToFen, sum, toAmount } from "@/lib/money/decimal";
import { pricingTranslator, type PricingMessages } from "./messages";
import type { PriceAdjustment, PriceResult, VoucherTerms } from "./types";

const ZERO = new Decimal(0);

/** The amount a voucher takes off a subtotal (≥ 0, ≤ subtotal), rounded half-up to the fen once. */
export function voucherDiscount(subtotal: Decimal, voucher: VoucherTerms): Decimal {
  if (subtotal.lte(0)) return ZERO;
  if (voucher.kind === "percent") {
    const percent = voucher.percent;
    if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 99)
      throw new Error(`voucher ${voucher.code}: bad percent`);
    return Decimal.min(roundToFen(subtotal.times(percent).dividedBy(100)), subtotal);
  }
  if (voucher.amount === undefined) throw new Error(`voucher ${voucher.code}: no amount`);
  const amount = new Decimal(voucher.amount);
  if (amount.lte(0)) throw new Error(`voucher ${voucher.code}: bad amount`);
  return Decimal.min(roundToFen(amount), subtotal);
}

/**
 * Applies one voucher to a priced cart: adds its adjustment line and recomputes the total
 * (never below 0.00), or, when the subtotal misses the minimum spend, adds a `VOUCHER_MIN_SPEND`
 * breach at path `voucher` and leaves the total alone. Pure.
 */
export function applyVoucher(
  result: PriceResult,
  voucher: VoucherTerms,
  options: { locale: Locale; messages: PricingMessages },
): PriceResult {
  const t = pricingTranslator(options.locale, options.messages);
  const subtotal = new Decimal(result.subtotal);
  if (voucher.minimumSpend !== undefined && subtotal.lt(voucher.minimumSpend)) {
    const params = {
      code: voucher.code,
      minimum: formatMoney(toAmount(new Decimal(voucher.minimumSpend))),
      subtotal: formatMoney(result.subtotal),
    };
    const error = { code: "VOUCHER_MIN_SPEND" as const, path: "voucher", params, message: t("rules.VOUCHER_MIN_SPEND", params) };
    return { ...result, ok: false, errors: [...result.errors, error] };
  }
  const discount = voucherDiscount(subtotal, voucher);
  const amount = toAmount(discount.negated());
  const off = formatMoney(toAmount(discount));
  const formula =
    voucher.kind === "percent"
      ? t("voucher.formulaPercent", { percent: voucher.percent ?? 0, subtotal: formatMoney(result.subtotal), off })
      : t("voucher.formulaCash", { face: formatMoney(toAmount(new Decimal(voucher.amount ?? 0))), off });
  const adjustment: PriceAdjustment = {
    kind: "voucher",
    code: voucher.code,
    label: t("voucher.label", { code: voucher.code }),
    amount,
    formula,
  };
  const adjustments = [...result.adjustments, adjustment];
  const total = Decimal.max(subtotal.plus(sum(adjustments.map((a) => new Decimal(a.amount)))), ZERO);
  return { ...result, adjustments, total: toAmount(total) };
}
