import { auditRefusedNotification } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { claimNotification, findPayment, setPaymentStatus, unclaimNotification } from "@/lib/db/queries/payments";
import { markPaidAndFulfil } from "@/lib/orders/fulfil";
import type { PaymentProvider } from "./types";

/** Notifications larger than this are not ours. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

export type NotifyResponse =
  | { status: 400; body: { ok: false; error: "BAD_SIGNATURE" | "STALE" | "MALFORMED" } }
  | {
      status: 200;
      body: { ok: true; duplicate?: true; ignored?: "UNKNOWN_PAYMENT"; fulfilment?: Awaited<ReturnType<typeof markPaidAndFulfil>> };
    };

/**
 * Handles one payment notification as the notify route receives it: verifies it with the
 * provider, acknowledges a replayed notification id without acting, records a failure or
 * cancellation on the payment (the order stays payable), and marks the order paid and fulfils
 * it on success. Throws only on a bug or a database failure; the claim is then released so the
 * gateway's retry is processed.
 */
export async function handlePaymentNotification(
  db: Db,
  provider: PaymentProvider,
  p: { headers: Headers; rawBody: string; now: Date },
): Promise<NotifyResponse> {
  if (p.rawBody.length > MAX_NOTIFICATION_BYTES) return { status: 400, body: { ok: false, error: "MALFORMED" } };
  const verified = await provider.verifyNotification(p);
  if (!verified.ok) {
    await auditRefusedNotification(db, {
      now: p.now,
      provider: provider.id,
      reason: verified.reason,
      headers: p.headers,
      rawBody: p.rawBody,
    });
    return { status: 400, body: { ok: false, error: verified.reason } };
  }
  const { event } = verified;

  // The notification id is claimed first: of ten concurrent replays exactly one goes on.
  if (
    !(await claimNotification(db, { notificationId: `${provider.id}:${event.notificationId}`, paymentRef: event.paymentRef, now: p.now }))
  ) {
    return { status: 200, body: { ok: true, duplicate: true } };
  }
  try {
    const payment = await findPayment(db, { provider: provider.id, paymentRef: event.paymentRef });
    if (!payment) {
      console.warn(`[payments] ${provider.id} notification for unknown payment ${event.paymentRef}`);
      return { status: 200, body: { ok: true, ignored: "UNKNOWN_PAYMENT" } };
    }
    await setPaymentStatus(db, { provider: provider.id, paymentRef: event.paymentRef, status: event.status, now: p.now });
    if (event.status !== "succeeded") return { status: 200, body: { ok: true } };
    const fulfilment = await markPaidAndFulfil(db, {
      orderId: payment.orderId,
      paymentRef: event.paymentRef,
      amount: event.amount,
      now: p.now,
      cause: "payment_notification",
    });
    // Money taken for an order that can no longer be paid (expired, cancelled) or for the wrong amount: an operator must refund it.
    if (!fulfilment.ok)
      console.warn(`[payments] payment ${event.paymentRef} for order ${payment.orderId} not applied: ${fulfilment.error}`);
    return { status: 200, body: { ok: true, fulfilment } };
  } catch (error) {
    await unclaimNotification(db, { notificationId: `${provider.id}:${event.notificationId}` }).catch(() => {});
    throw error;
  }
}
