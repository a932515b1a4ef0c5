import type { OrderRow, VerificationStatus } from "@/lib/db/schema";

/** How long an order may wait for payment before it expires (PRODUCT.md §4). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

/** What of a verification the payment window depends on. */
export type WindowVerification = { status: VerificationStatus; decidedAt: Date | null } | null | undefined;

/**
 * When the order's payment window opened, or null while it has not: an order is payable from
 * the moment it is placed, an education order only from its verification's decision (PRODUCT.md
 * §4), so time spent in the operator's queue never counts against the buyer. A rejected one's
 * window starts at the rejection, so it leaves "awaiting payment" like any unpaid order. Pure.
 */
export function paymentWindowStart(order: Pick<OrderRow, "createdAt">, verification: WindowVerification): Date | null {
  if (!verification) return order.createdAt;
  return verification.status === "pending" ? null : verification.decidedAt;
}

/** When an unpaid order expires, or null while its window has not opened. Pure. */
export function paymentDeadline(order: Pick<OrderRow, "createdAt">, verification: WindowVerification): Date | null {
  const start = paymentWindowStart(order, verification);
  return start && new Date(start.getTime() + PAYMENT_WINDOW_MS);
}

/** Whether an order awaiting payment has outlived its payment window at `now`. Pure. */
export function isStale(order: Pick<OrderRow, "status" | "createdAt">, verification: WindowVerification, now: Date): boolean {
  if (order.status !== "pending_payment") return false;
  const deadline = paymentDeadline(order, verification);
  return deadline !== null && now.getTime() >= deadline.getTime();
}

/** How long something has waited from `since` to `now`, in whole days, hours and minutes (never negative). Pure. */
export function waited(since: Date, now: Date): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}
