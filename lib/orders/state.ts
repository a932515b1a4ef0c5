import type { Db } from "@/lib/db/client";
import { listOrderLines, listStaleOrderIds, lockOrder as lockOrderRow, recordOrderStatus } from "@/lib/db/queries/orders";
import { getVerificationForOrder } from "@/lib/db/queries/verifications";
import type { OrderRow, OrderStatus } from "@/lib/db/schema";
import { reclaimQuote, releaseQuote } from "@/lib/quotes/lifecycle";
import { reclaimVoucher, releaseVoucher, voucherCodeOf } from "@/lib/vouchers";
import { isStale, PAYMENT_WINDOW_MS } from "./window";

export { isStale, paymentDeadline, PAYMENT_WINDOW_MS } from "./window";

/** The cause that alone may move an expired order to paid: money that arrived after the window. */
export const LATE_PAYMENT = "late_payment";

/**
 * The order state machine of PRODUCT.md §4: from each status, the statuses it may move to.
 * expired → paid is listed but guarded: only with cause `late_payment` (see transitionOrder),
 * so a payment that really arrived is never lost.
 */
export const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  pending_payment: ["paid", "cancelled", "expired"],
  paid: ["fulfilled", "refunded", "partially_refunded"],
  fulfilled: ["refunded", "partially_refunded"],
  expired: ["paid"],
  cancelled: [],
  refunded: [],
  partially_refunded: [],
};

/** Whether `from → to` is a legal transition for the given cause. */
export function canTransition(from: OrderStatus, to: OrderStatus, cause: string): boolean {
  if (!ALLOWED[from].includes(to)) return false;
  if (from === "expired" && to === "paid") return cause === LATE_PAYMENT;
  return true;
}

export type TransitionResult =
  | { ok: true; order: OrderRow; from: OrderStatus }
  | { ok: false; error: "NOT_FOUND" }
  | { ok: false; error: "INVALID_TRANSITION"; from: OrderStatus; to: OrderStatus };

/** Locks the order row, so concurrent writers of the same order take turns until commit. */
export async function lockOrder(tx: Db, orderId: string): Promise<OrderRow | undefined> {
  return lockOrderRow(tx, { orderId });
}

/**
 * Moves an order to `to` and records the event. Call inside a transaction: the row is locked
 * first, and an illegal transition is refused (nothing written), not thrown.
 */
export async function transitionOrder(
  tx: Db,
  params: { orderId: string; to: OrderStatus; cause: string; now: Date },
): Promise<TransitionResult> {
  const { orderId, to, cause, now } = params;
  const current = await lockOrder(tx, orderId);
  if (!current) return { ok: false, error: "NOT_FOUND" };
  const from = current.status;
  if (!canTransition(from, to, cause)) return { ok: false, error: "INVALID_TRANSITION", from, to };
  const order = await recordOrderStatus(tx, { orderId, from, to, cause, now });
  // An order accepted from a quote that ends unpaid hands the quote back: its link works again.
  if ((to === "expired" || to === "cancelled") && current.quoteId) await releaseQuote(tx, { quoteId: current.quoteId, now });
  // A late payment on such an order takes the quote back, so its link cannot become a second order.
  if (to === "paid" && from === "expired" && current.quoteId) await reclaimQuote(tx, { quoteId: current.quoteId, now });
  // The same for a single-use voucher: handed back with the unpaid order, taken back by a late payment.
  if (to === "expired" || to === "cancelled") await releaseVoucher(tx, { orderId });
  if (to === "paid" && from === "expired") {
    const code = voucherCodeOf(await listOrderLines(tx, { orderId }));
    if (code !== undefined) await reclaimVoucher(tx, { orderId, code, now });
  }
  return { ok: true, order, from };
}

/** Expires the order if it is still unpaid after the payment window; true when it did so now. */
export async function expireIfStale(db: Db, params: { orderId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Re-checked under the lock: a payment committed meanwhile wins over the expiry.
    const order = await lockOrder(tx, params.orderId);
    if (!order) return false;
    // An education order's window opens at its verification's decision, not at placement.
    const verification = await getVerificationForOrder(tx, { orderId: order.id });
    if (!isStale(order, verification, params.now)) return false;
    return (await transitionOrder(tx, { orderId: order.id, to: "expired", cause: "expired_unpaid", now: params.now })).ok;
  });
}

/** The sweep: expires every order unpaid past its window; returns how many it expired. */
export async function expireStaleOrders(db: Db, params: { now: Date; userId?: string }): Promise<number> {
  // isStale's rule as a query: the window opened (placement, or the verification's decision) at or before now − window.
  const cutoff = new Date(params.now.getTime() - PAYMENT_WINDOW_MS);
  const stale = await listStaleOrderIds(db, { windowOpenedBefore: cutoff, userId: params.userId });
  let count = 0;
  // One short transaction per order, so the sweep never holds many locks at once.
  for (const id of stale) if (await expireIfStale(db, { orderId: id, now: params.now })) count++;
  return count;
}

export type CancelResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "INVALID_TRANSITION" };

/** The cause recorded when the buyer cancels their own unpaid order. */
export const BUYER_CANCELLED = "buyer_cancelled";

/** The buyer cancels their own order while it awaits payment; an order from a quote hands the quote back. */
export async function cancelOrder(db: Db, params: { orderId: string; userId: string; now: Date }): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, params.orderId);
    if (!order || order.userId !== params.userId) return { ok: false, error: "NOT_FOUND" } as const;
    const result = await transitionOrder(tx, { orderId: order.id, to: "cancelled", cause: BUYER_CANCELLED, now: params.now });
    return result.ok ? ({ ok: true } as const) : ({ ok: false, error: "INVALID_TRANSITION" } as const);
  });
}
