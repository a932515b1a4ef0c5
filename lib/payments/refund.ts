import type { Db } from "@/lib/db/client";
import { getOrder } from "@/lib/db/queries/orders";
import { findPayment, lockPayment, markPaymentRefunded, recordRefund, type AttentionReason } from "@/lib/db/queries/payments";
import type { OrderStatus, PaymentRow } from "@/lib/db/schema";
import { lockOrder } from "@/lib/orders/state";
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
