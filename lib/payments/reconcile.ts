import type { Db } from "@/lib/db/client";
import { getOrder } from "@/lib/db/queries/orders";
import { listOrdersAwaitingPayment, listPaymentsForOrder, setPaymentStatus } from "@/lib/db/queries/payments";
import { markPaidAndFulfil } from "@/lib/orders/fulfil";
import type { PaymentProvider } from "./types";

export type ReconcileResult =
  | { outcome: "NOT_FOUND" | "NOT_PENDING" | "NO_SUCCEEDED_PAYMENT" }
  | { outcome: "APPLIED"; paymentRef: string; fulfilment: Awaited<ReturnType<typeof markPaidAndFulfil>> };

/**
 * Asks the provider about an order's payments the app still believes pending and applies what it
 * learns, so a lost notification still completes the order (cause "status_query"). For an order
 * awaiting payment (or expired meanwhile); call it from the return page and the start-up sweep.
 */
export async function reconcilePayment(db: Db, provider: PaymentProvider, p: { orderId: string; now: Date }): Promise<ReconcileResult> {
  const order = await getOrder(db, { orderId: p.orderId });
  if (!order) return { outcome: "NOT_FOUND" };
  // An expired order still takes money that really arrived (markPaidAndFulfil records a late payment).
  if (order.status !== "pending_payment" && order.status !== "expired") return { outcome: "NOT_PENDING" };
  const pending = (await listPaymentsForOrder(db, { orderId: p.orderId, provider: provider.id })).filter((x) => x.status === "pending");
  for (const payment of pending) {
    let state: Awaited<ReturnType<PaymentProvider["queryPayment"]>>;
    try {
      state = await provider.queryPayment({ paymentRef: payment.paymentRef });
    } catch (error) {
      console.warn(`[payments] status query for ${payment.paymentRef} failed`, error);
      continue;
    }
    if (state.status === "pending") continue;
    await setPaymentStatus(db, { provider: provider.id, paymentRef: payment.paymentRef, status: state.status, now: p.now });
    if (state.status === "succeeded") {
      const fulfilment = await markPaidAndFulfil(db, {
        orderId: p.orderId,
        paymentRef: payment.paymentRef,
        amount: state.amount,
        now: p.now,
        cause: "status_query",
      });
      return { outcome: "APPLIED", paymentRef: payment.paymentRef, fulfilment };
    }
  }
  return { outcome: "NO_SUCCEEDED_PAYMENT" };
}

/** Reconciles every order still awaiting payment with a payment in flight (run as the server starts). */
export async function reconcilePendingPayments(db: Db, provider: PaymentProvider, p: { now: Date; limit?: number }): Promise<number> {
  let applied = 0;
  for (const orderId of await listOrdersAwaitingPayment(db, { provider: provider.id, limit: p.limit })) {
    if ((await reconcilePayment(db, provider, { orderId, now: p.now })).outcome === "APPLIED") applied += 1;
  }
  return applied;
}
