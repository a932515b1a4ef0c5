// Pure: the staff form, the server action and the tests share this rule (PRODUCT.md §5).
import { Decimal } from "@/lib/money/decimal";

/** Editions sold only through quotes, at a per-seat price sales negotiates. */
export const NEGOTIATED_EDITIONS = ["enterprise", "education-plus"] as const;
/** The smallest seat count a negotiated per-seat price applies to. */
export const NEGOTIATED_MIN_SEATS = 256;

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

/** Whether a negotiated per-seat price is allowed for this edition and seat count. */
export function allowsNegotiatedPrice(edition: string, seats: number | undefined): boolean {
  return (NEGOTIATED_EDITIONS as readonly string[]).includes(edition) && seats !== undefined && seats >= NEGOTIATED_MIN_SEATS;
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
