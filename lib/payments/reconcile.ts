import type { Db } from "@/lib/db/client";
import { getOrder, listOrderIdsByStatus } from "@/lib/db/queries/orders";
import { listPaymentsForOrder, listPendingPayments, listSucceededPaymentsOfUnpaidOrders, lockPayment } from "@/lib/db/queries/payments";
import type { PaymentRow } from "@/lib/db/schema";
import { fulfilPaidOrder, type FulfilResult } from "@/lib/orders/fulfil";
import { lockOrder } from "@/lib/orders/state";
import { applyPaymentOutcome } from "./apply";
import type { PaymentProvider } from "./types";

export type ReconcileResult =
  { outcome: "NOT_FOUND" | "NOT_PENDING" | "NO_SUCCEEDED_PAYMENT" } | { outcome: "APPLIED"; paymentRef: string; fulfilment: FulfilResult };

/**
 * Asks the provider about one payment and applies a settled outcome in one transaction (cause
 * "status_query"), under the payment's lock; undefined when the provider cannot say or still
 * waits, or the payment moved on meanwhile. `expect` is the app's status the repair starts from.
 */
async function repairPayment(
  db: Db,
  provider: PaymentProvider,
  payment: PaymentRow,
  p: { now: Date; expect: "pending" | "succeeded" },
): Promise<FulfilResult | undefined | "ENDED"> {
  let state: Awaited<ReturnType<PaymentProvider["queryPayment"]>>;
  try {
    state = await provider.queryPayment({ paymentRef: payment.paymentRef });
  } catch (error) {
    console.warn(`[payments] status query for ${payment.paymentRef} failed`, error);
    return undefined;
  }
  if (state.status === "pending") return undefined;
  return db.transaction(async (tx) => {
    // The order's lock, then the payment's: the order every payment path takes them in.
    await lockOrder(tx, payment.orderId);
    const fresh = await lockPayment(tx, { provider: provider.id, paymentRef: payment.paymentRef });
    if (fresh?.status !== p.expect) return undefined;
    const applied = await applyPaymentOutcome(tx, {
      provider: provider.id,
      payment: fresh,
      status: state.status,
      amount: state.amount,
      agreementRef: state.agreementRef,
      now: p.now,
      cause: "status_query",
    });
    return applied ?? "ENDED";
  });
}

/**
 * Asks the provider about an order's payments the app still believes pending and applies what it
 * learns, so a lost notification still completes the order (cause "status_query"). For an order
 * awaiting payment (or expired meanwhile); called from the return page and when a payment starts.
 */
export async function reconcilePayment(db: Db, provider: PaymentProvider, p: { orderId: string; now: Date }): Promise<ReconcileResult> {
  const order = await getOrder(db, { orderId: p.orderId });
  if (!order) return { outcome: "NOT_FOUND" };
  // An expired order still takes money that really arrived (markPaidAndFulfil records a late payment).
  if (order.status !== "pending_payment" && order.status !== "expired") return { outcome: "NOT_PENDING" };
  const payments = await listPaymentsForOrder(db, { orderId: p.orderId, provider: provider.id });
  for (const payment of payments.filter((x) => x.status === "pending" || x.status === "succeeded")) {
    const repaired = await repairPayment(db, provider, payment, { now: p.now, expect: payment.status as "pending" | "succeeded" });
    if (repaired && repaired !== "ENDED") return { outcome: "APPLIED", paymentRef: payment.paymentRef, fulfilment: repaired };
  }
  return { outcome: "NO_SUCCEEDED_PAYMENT" };
}

/**
 * The one repair pass for every inconsistent payment state, safe to run at any time on any number
 * of servers (each repair is one transaction under the order's and payment's locks):
 * - a payment the app recorded as succeeded whose order is still unpaid: the provider's amount is applied;
 * - a payment the app still believes pending that the provider has settled: its outcome is applied;
 * - an order marked paid without its fulfilment: it is fulfilled.
 * Returns how many repairs changed something (a settled failure counts: the payment ended).
 */
export async function reconcilePendingPayments(db: Db, provider: PaymentProvider, p: { now: Date; limit?: number }): Promise<number> {
  let repaired = 0;
  const count = (r: FulfilResult | undefined | "ENDED") => {
    if (r === "ENDED" || (r && !(r.ok && r.alreadyDone))) repaired += 1;
  };
  for (const payment of await listSucceededPaymentsOfUnpaidOrders(db, { provider: provider.id, limit: p.limit }))
    count(await repairPayment(db, provider, payment, { now: p.now, expect: "succeeded" }));
  for (const payment of await listPendingPayments(db, { provider: provider.id, limit: p.limit }))
    count(await repairPayment(db, provider, payment, { now: p.now, expect: "pending" }));
  for (const orderId of await listOrderIdsByStatus(db, { status: "paid", createdBefore: p.now }))
    if (await fulfilPaidOrder(db, { orderId, now: p.now })) repaired += 1;
  return repaired;
}
