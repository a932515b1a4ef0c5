import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { setPaymentStatus } from "@/lib/db/queries/payments";
import type { PaymentRow } from "@/lib/db/schema";
import { markPaidAndFulfilIn, type FulfilResult } from "@/lib/orders/fulfil";
import { recordAgreementFromPayment } from "./agreements";
import type { Amount, PaymentStatus } from "./types";

/** Where a test may inject a crash while a payment outcome is applied (nothing written must survive it). */
export type ApplyStep = "claimed" | "paid" | "fulfilled";

export interface ApplyParams {
  provider: string;
  payment: PaymentRow;
  /** What the gateway says (notification or status query). */
  status: PaymentStatus;
  amount: Amount;
  /** The recurring-payment agreement the provider says the payment set up (notification / status query). */
  agreementRef?: string;
  now: Date;
  /** Why the order is paid: "payment_notification" or "status_query". */
  cause: string;
  /** Tests only: called after each step, to simulate a crash there. */
  fault?: (step: ApplyStep) => void;
}

/**
 * Applies what a gateway says about one payment INSIDE the caller's transaction: records the
 * payment's status and, for money taken, pays and fulfils the order, so all of it commits or none.
 * The wrong amount is recorded as `amount_mismatch` and fulfils nothing (an operator refunds it);
 * money for an order that can no longer be paid stays `succeeded` and is listed for a refund too.
 * Undefined when nothing was taken (still pending, failed, cancelled).
 */
export async function applyPaymentOutcome(tx: Db, p: ApplyParams): Promise<FulfilResult | undefined> {
  const ref = { provider: p.provider, paymentRef: p.payment.paymentRef, now: p.now };
  if (p.status === "pending") return undefined;
  if (p.status !== "succeeded") {
    await setPaymentStatus(tx, { ...ref, status: p.status });
    return undefined;
  }
  // The order row is locked first (markPaidAndFulfilIn), then the payment row: every path takes them in that order.
  const fulfilment = await markPaidAndFulfilIn(tx, {
    orderId: p.payment.orderId,
    paymentRef: p.payment.paymentRef,
    amount: p.amount,
    now: p.now,
    cause: p.cause,
    faultAfterPaid: () => p.fault?.("paid"),
  });
  const mismatch = !fulfilment.ok && fulfilment.error === "AMOUNT_MISMATCH";
  if (!fulfilment.ok) {
    console.warn(
      `[payments] payment ${p.payment.paymentRef} of ${p.amount} for order ${p.payment.orderId} not applied: ${fulfilment.error}`,
    );
    // In the same transaction: a wrong amount (or money for an order that cannot take it) is on the record with the money.
    await recordAudit(tx, {
      now: p.now,
      kind: "payment-not-applied",
      subject: `${p.provider}:${p.payment.paymentRef}`,
      after: { orderId: p.payment.orderId, received: p.amount, reason: fulfilment.error },
    });
  }
  await setPaymentStatus(tx, { ...ref, status: mismatch ? "amount_mismatch" : "succeeded", receivedAmount: p.amount });
  // The agreement is the app's only once the order it was authorised with is applied (same transaction).
  if (fulfilment.ok && p.agreementRef)
    await recordAgreementFromPayment(tx, { provider: p.provider, payment: p.payment, agreementRef: p.agreementRef, now: p.now });
  if (fulfilment.ok) p.fault?.("fulfilled");
  return fulfilment;
}
