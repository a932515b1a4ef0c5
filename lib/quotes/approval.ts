// Pure: the staff form, the server action and the tests share this rule (PRODUCT.md §5).
import { Decimal } from "@/lib/money/decimal";

// The negotiable-edition rule lives with the other edition rules; re-exported for the quote code.
export { allowsNegotiatedPrice, isNegotiable, NEGOTIATED_EDITIONS, NEGOTIATED_MIN_SEATS } from "@/lib/pricing/editions";

export interface ApprovalInput {
  /** The quote's discount in percent, "10" or "15.01". */
  discountPercent: string | number;
  /** The salesperson's own limit in percent (user.discount_limit_percent). */
  repLimitPercent: number;
  /** A per-seat price set by sales, or null for the list price. */
  negotiatedSeatPrice: string | null;
  edition: string;
  seats: number | undefined;
}

export type ApprovalReason =
  { kind: "discountAboveLimit"; discount: string; limit: number } | { kind: "negotiatedSeatPrice"; price: string };

/** Why an operator must approve the quote, reason by reason: a discount above the rep's limit, any negotiated seat price. */
export function approvalReasons(
  input: Pick<ApprovalInput, "discountPercent" | "repLimitPercent" | "negotiatedSeatPrice">,
): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  const discount = new Decimal(input.discountPercent);
  if (discount.gt(input.repLimitPercent))
    reasons.push({ kind: "discountAboveLimit", discount: discount.toString(), limit: input.repLimitPercent });
  if (input.negotiatedSeatPrice !== null) reasons.push({ kind: "negotiatedSeatPrice", price: input.negotiatedSeatPrice });
  return reasons;
}

/** Whether an operator must approve the quote (see approvalReasons). */
export function needsApproval(input: ApprovalInput): boolean {
  return approvalReasons(input).length > 0;
}
