import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { getOrder } from "@/lib/db/queries/orders";
import { findPayment, lockPayment, markPaymentRefunded, recordRefund, type AttentionReason } from "@/lib/db/queries/payments";
import { endServiceItemsOfOrder, findOpenRefundOfPayment, listOpenRefunds, setRefundStatus } from "@/lib/db/queries/refunds";
import type { OrderRefundRow, OrderStatus, PaymentRow } from "@/lib/db/schema";
import { sameAmount } from "@/lib/money";
import { lockOrder, transitionOrder } from "@/lib/orders/state";
import type { PaymentProvider } from "./types";

export type RefundResult =
  { ok: true; refundRef: string; amount: string } | { ok: false; error: "NOT_FOUND" | "NOT_REFUNDABLE" | "PROVIDER_FAILED" };

/** Why a payment needs an operator's refund, or undefined: the rule behind the payments-needing-attention list. */
export function attentionReason(payment: Pick<PaymentRow, "status">, order: { status: OrderStatus }): AttentionReason | undefined {
  if (payment.status === "amount_mismatch") return "amount_mismatch";
  if (payment.status === "succeeded" && order.status === "cancelled") return "order_cancelled";
  return undefined;
}

/**
 * An operator refunds a payment needing attention, in full (what the gateway took), through its
 * provider: the provider is asked first with a key per payment, so a retry after a crash refunds
 * once and answers the same reference; then the refund is recorded and the payment marked
 * `refunded` in one transaction. The order is left as it is (still unpaid, or cancelled).
 */
export async function refundPaymentNeedingAttention(
  db: Db,
  provider: PaymentProvider,
  p: { paymentRef: string; operatorId: string; now: Date },
): Promise<RefundResult> {
  const payment = await findPayment(db, { provider: provider.id, paymentRef: p.paymentRef });
  const order = payment && (await getOrder(db, { orderId: payment.orderId }));
  if (!payment || !order) return { ok: false, error: "NOT_FOUND" };
  const reason = attentionReason(payment, order);
  if (!reason) return { ok: false, error: "NOT_REFUNDABLE" };
  const amount = payment.receivedAmount ?? payment.amount;
  const idempotencyKey = `refund:${payment.paymentRef}`;
  let refundRef: string;
  try {
    ({ refundRef } = await provider.refund({ paymentRef: payment.paymentRef, amount, idempotencyKey }));
  } catch (error) {
    console.error(`[payments] refund of ${payment.paymentRef} failed`, error);
    return { ok: false, error: "PROVIDER_FAILED" };
  }
  return db.transaction(async (tx): Promise<RefundResult> => {
    await lockOrder(tx, payment.orderId);
    await lockPayment(tx, { provider: provider.id, paymentRef: payment.paymentRef });
    if (!(await markPaymentRefunded(tx, { provider: provider.id, paymentRef: payment.paymentRef, now: p.now })))
      return { ok: false, error: "NOT_REFUNDABLE" };
    await recordRefund(tx, {
      refundRef,
      provider: provider.id,
      paymentRef: payment.paymentRef,
      orderId: payment.orderId,
      amount,
      idempotencyKey,
      reason,
      refundedBy: p.operatorId,
      createdAt: p.now,
    });
    // The operator's refund is audited by its action (refund-payment, before/after of the payment).
    return { ok: true, refundRef, amount };
  });
}

// ---- Refunds of orders (the buyer's by PRODUCT.md §6.3, an operator's goodwill) -------------------
// The same path as above: the provider's refund() with a key per order, recorded in payment_refunds;
// the order_refunds row is the claim (one per order) and carries the state until the provider confirms.

/** The idempotency key of an order's refund: one per order, so a retry (or the reconciliation pass) refunds once. */
export const orderRefundKey = (orderId: string) => `order-refund:${orderId}`;

/**
 * Hands a claimed refund to its provider; call OUTSIDE any transaction (the sandbox notifies the app
 * from inside refund()). On success the provider's reference is recorded and the refund is `processing`
 * until its notification (or the status query) completes it; a provider error leaves it `requested`
 * for the reconciliation pass to send again under the same key.
 */
export async function sendOrderRefund(
  db: Db,
  provider: PaymentProvider,
  p: { refund: OrderRefundRow; now: Date },
): Promise<{ ok: true; refundRef: string } | { ok: false; error: "PROVIDER_FAILED" }> {
  const { refund } = p;
  if (!refund.paymentRef) throw new Error(`order refund ${refund.id} has no payment to refund`);
  const idempotencyKey = orderRefundKey(refund.orderId);
  let refundRef: string;
  try {
    ({ refundRef } = await provider.refund({ paymentRef: refund.paymentRef, amount: refund.amount, idempotencyKey }));
  } catch (error) {
    console.error(`[payments] refund of order ${refund.orderId} (${refund.paymentRef}) failed`, error);
    return { ok: false, error: "PROVIDER_FAILED" };
  }
  await db.transaction(async (tx) => {
    await recordRefund(tx, {
      refundRef,
      provider: provider.id,
      paymentRef: refund.paymentRef!,
      orderId: refund.orderId,
      amount: refund.amount,
      idempotencyKey,
      reason: refund.reason,
      refundedBy: refund.requestedBy,
      createdAt: p.now,
    });
    // Already succeeded when the notification came first: nothing to move then.
    await setRefundStatus(tx, { id: refund.id, from: ["requested"], to: "processing", refundRef, now: p.now });
  });
  return { ok: true, refundRef };
}

/**
 * Completes an order's refund INSIDE the caller's transaction, once the provider says the money went
 * back (its notification, cause "refund_notification", or the status query, "refund_status_query"):
 * the order moves to refunded / partially_refunded (recorded in order_events), its service items end
 * at the stop date, the payment is marked refunded and the refund succeeded. Undefined when the payment
 * has no open refund (done before, or an operator's refund of a payment needing attention).
 */
export async function completeOrderRefund(
  tx: Db,
  p: { provider: string; paymentRef: string; refundRef: string; amount: string; now: Date; cause: string },
): Promise<OrderRefundRow | undefined> {
  const open = await findOpenRefundOfPayment(tx, { provider: p.provider, paymentRef: p.paymentRef });
  if (!open) return undefined;
  // The order's lock first, as every payment path takes it, then the refund's.
  await lockOrder(tx, open.orderId);
  const refund = await findOpenRefundOfPayment(tx, { provider: p.provider, paymentRef: p.paymentRef, lock: true });
  if (!refund) return undefined;
  if (!sameAmount(refund.amount, p.amount) || (refund.refundRef && refund.refundRef !== p.refundRef)) {
    await recordAudit(tx, {
      now: p.now,
      kind: "refund-not-applied",
      subject: `${p.provider}:${p.paymentRef}`,
      after: { orderId: refund.orderId, expected: refund.amount, received: p.amount, refundRef: p.refundRef },
    });
    return undefined;
  }
  await finishOrderRefund(tx, { refund, refundRef: p.refundRef, now: p.now, cause: p.cause });
  await markPaymentRefunded(tx, { provider: p.provider, paymentRef: p.paymentRef, now: p.now });
  await recordRefund(tx, {
    refundRef: p.refundRef,
    provider: p.provider,
    paymentRef: p.paymentRef,
    orderId: refund.orderId,
    amount: refund.amount,
    idempotencyKey: orderRefundKey(refund.orderId),
    reason: refund.reason,
    refundedBy: refund.requestedBy,
    createdAt: p.now,
  });
  return refund;
}

/** The order's side of a completed refund (also for one with nothing to give back): its status, its services, the refund's state. */
export async function finishOrderRefund(
  tx: Db,
  p: { refund: OrderRefundRow; refundRef?: string; now: Date; cause: string },
): Promise<void> {
  const { refund } = p;
  const moved = await transitionOrder(tx, { orderId: refund.orderId, to: refund.outcome, cause: p.cause, now: p.now });
  if (!moved.ok) console.warn(`[payments] refunded order ${refund.orderId} could not move to ${refund.outcome}: ${moved.error}`);
  if (refund.stopAt) await endServiceItemsOfOrder(tx, { orderId: refund.orderId, stopAt: refund.stopAt });
  await setRefundStatus(tx, { id: refund.id, from: ["requested", "processing"], to: "succeeded", refundRef: p.refundRef, now: p.now });
}

/**
 * The reconciliation of refunds (part of reconcilePendingPayments): a refund still `requested` (the
 * provider's answer lost, the server died) is sent again under its key; one `processing` whose
 * notification never came is asked about (queryRefund) and completed, cause "refund_status_query".
 * Returns how many it moved.
 */
export async function reconcileOrderRefunds(db: Db, provider: PaymentProvider, p: { now: Date; limit?: number }): Promise<number> {
  let moved = 0;
  for (const open of await listOpenRefunds(db, { provider: provider.id, limit: p.limit })) {
    let refundRef = open.refundRef;
    if (open.status === "requested") {
      const sent = await sendOrderRefund(db, provider, { refund: open, now: p.now });
      if (!sent.ok) continue;
      refundRef = sent.refundRef;
      moved += 1;
    }
    if (!refundRef || !open.paymentRef) continue;
    let state: Awaited<ReturnType<PaymentProvider["queryRefund"]>>;
    try {
      state = await provider.queryRefund({ refundRef });
    } catch (error) {
      console.warn(`[payments] refund status query for ${refundRef} failed`, error);
      continue;
    }
    if (state.status === "pending") continue;
    const { paymentRef } = open;
    if (state.status === "failed") {
      if (await setRefundStatus(db, { id: open.id, from: ["processing"], to: "failed", now: p.now })) moved += 1;
      continue;
    }
    const done = await db.transaction((tx) =>
      completeOrderRefund(tx, {
        provider: provider.id,
        paymentRef,
        refundRef,
        amount: state.amount,
        now: p.now,
        cause: "refund_status_query",
      }),
    );
    if (done && open.status === "processing") moved += 1;
  }
  return moved;
}
