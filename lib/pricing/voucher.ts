// With adjust.ts, the wording of discounts: the configurator's first load does not carry this file;
// the server and the review step import it.
import type { Locale } from "@/lib/catalog";
import { compareAmounts, formatMoney } from "@/lib/money";
import { applyAdjustment, type Adjustment } from "./adjust";
import { pricingTranslator, type PricingMessages } from "./messages";
import type { PriceResult, VoucherTerms } from "./types";

/** A voucher's terms as an adjustment; throws on terms the voucher table cannot hold. */
function voucherAdjustment(voucher: VoucherTerms): Adjustment {
  const { code, percent, amount } = voucher;
  if (voucher.kind === "percent") {
    if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 99) throw new Error(`voucher ${code}: bad percent`);
    return { kind: "voucher", code, percent };
  }
  if (amount === undefined) throw new Error(`voucher ${code}: no amount`);
  return { kind: "voucher", code, amount };
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
  if (voucher.minimumSpend !== undefined && compareAmounts(result.subtotal, voucher.minimumSpend) < 0) {
    const t = pricingTranslator(options.locale, options.messages);
    const params = {
      code: voucher.code,
      minimum: formatMoney(voucher.minimumSpend),
      subtotal: formatMoney(result.subtotal),
    };
    const error = { code: "VOUCHER_MIN_SPEND" as const, path: "voucher", params, message: t("rules.VOUCHER_MIN_SPEND", params) };
    return { ...result, ok: false, errors: [...result.errors, error] };
  }
  return applyAdjustment(result, voucherAdjustment(voucher), options);
}
