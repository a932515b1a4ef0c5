import { compareAmounts, fenToAmount, parseFen } from "@/lib/money";
import type { VoucherTerms } from "./types";

/** What a buyer should know before using a cash voucher: it is worth more than the cart, or more than its own minimum spend. */
export type VoucherWarning =
  { code: "COVERS_ALL"; face: string; subtotal: string; rest: string } | { code: "ABOVE_MINIMUM"; face: string; minimum: string };

/**
 * The warnings for applying `terms` to a cart of `subtotal`: a cash voucher worth more than the
 * subtotal leaves ¥0.00 to pay and the rest is lost (COVERS_ALL); one worth more than its own
 * minimum spend can bring a qualifying order to ¥0.00 (ABOVE_MINIMUM). Percent vouchers never
 * do either. Pure, exact (integer fen).
 */
export function voucherWarnings(terms: VoucherTerms, subtotal: string): VoucherWarning[] {
  if (terms.kind !== "cash" || terms.amount === undefined) return [];
  const face = terms.amount;
  const out: VoucherWarning[] = [];
  if (compareAmounts(face, subtotal) > 0)
    out.push({ code: "COVERS_ALL", face, subtotal, rest: fenToAmount(parseFen(face) - parseFen(subtotal)) });
  if (terms.minimumSpend !== undefined && compareAmounts(face, terms.minimumSpend) > 0)
    out.push({ code: "ABOVE_MINIMUM", face, minimum: terms.minimumSpend });
  return out;
}
