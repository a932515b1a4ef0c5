import { catalog } from "@/lib/catalog";
import { requiresVerification } from "@/lib/pricing/editions";
import type { OrderStatus, VerificationStatus } from "@/lib/db/schema";
import { isZero } from "@/lib/money";

/** Whether an order's edition is sold only after an operator verifies the buyer (education editions). */
export function needsVerification(edition: string): boolean {
  return requiresVerification(catalog, edition);
}

/**
 * Whether the buyer may pay for an order now: it awaits payment and, for an edition sold after
 * verification, its verification is approved. An education order without a verification record
 * is not payable. A zero-total order has nothing to pay (it is fulfilled when placed, never sent
 * to the provider). Pure: the payment flow and the order page both ask it.
 */
export function canPay(
  order: { status: OrderStatus; edition: string; total?: string },
  verification: { status: VerificationStatus } | null | undefined,
): boolean {
  if (order.status !== "pending_payment") return false;
  if (order.total !== undefined && isZero(order.total)) return false;
  if (!needsVerification(order.edition)) return true;
  return verification?.status === "approved";
}
