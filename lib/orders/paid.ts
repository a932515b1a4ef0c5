// What each line of an order actually cost the buyer: the order total (after the quote discount
// and any voucher) split over the lines in proportion to their amounts, to the fen.
import { allocateFen } from "@/lib/money/allocate";
import { fenToAmount, parseFen } from "@/lib/money";
import { Decimal } from "@/lib/money/decimal";

/** Places kept of an effective discount factor (service_items.discount is numeric(11, 10)). */
const DISCOUNT_PLACES = 10;

export interface LinePaid {
  /** The line's share of the order total, "35445.00". */
  paidAmount: string;
  /** paidAmount ÷ the line's amount, "0.8500000000"; 1 for a line that cost nothing. */
  discount: string;
}

/**
 * Splits `total` over `lines` (their own amounts, before adjustments) like dinero.js's allocate:
 * the shares add up to the total exactly, each is within a fen of its exact proportion, and the
 * fen left over go to the first lines. Returns one entry per line, in order.
 */
export function allocatePaid(total: string, lines: readonly { amount: string }[]): LinePaid[] {
  const totalFen = parseFen(total);
  const amounts = lines.map((l) => parseFen(l.amount));
  const shares = allocateFen(totalFen, amounts);
  return shares.map((share, i) => {
    const amount = amounts[i]!;
    const discount = amount === 0 ? new Decimal(1) : new Decimal(share).dividedBy(amount).toDecimalPlaces(DISCOUNT_PLACES);
    return { paidAmount: fenToAmount(share), discount: discount.toFixed(DISCOUNT_PLACES) };
  });
}
