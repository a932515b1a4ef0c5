import { auditRefusedNotification } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { claimNotification, findPayment } from "@/lib/db/queries/payments";
import type { FulfilResult } from "@/lib/orders/fulfil";
import { applyPaymentOutcome, type ApplyStep } from "./apply";
import type { PaymentProvider } from "./types";

/** Notifications larger than this are not ours. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

export type NotifyResponse =
  | { status: 400; body: { ok: false; error: "BAD_SIGNATURE" | "STALE" | "MALFORMED" } }
  | { status: 200; body: { ok: true; duplicate?: true; ignored?: "UNKNOWN_PAYMENT"; fulfilment?: FulfilResult } };

/**
 * Handles one payment notification as the notify route receives it: verifies it with the
 * provider, then in ONE transaction claims its id, records the payment's status and, on success,
 * marks the order paid and fulfils it. A replayed id is acknowledged without acting. Any failure
 * (a bug, the database, the process dying) rolls all of it back, claim included, so the gateway's
 * retry — or the reconciliation worker — completes it: the notification counts as handled only
 * once its effects are committed.
 */
export async function handlePaymentNotification(
  db: Db,
  provider: PaymentProvider,
  p: { headers: Headers; rawBody: string; now: Date; fault?: (step: ApplyStep) => void },
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

  return db.transaction(async (tx): Promise<NotifyResponse> => {
    // Of ten concurrent replays exactly one claims the id; the others wait for its commit and find it taken.
    const claimed = await claimNotification(tx, {
      notificationId: `${provider.id}:${event.notificationId}`,
      paymentRef: event.paymentRef,
      now: p.now,
    });
    if (!claimed) return { status: 200, body: { ok: true, duplicate: true } };
    p.fault?.("claimed");
    const payment = await findPayment(tx, { provider: provider.id, paymentRef: event.paymentRef });
    if (!payment) {
      console.warn(`[payments] ${provider.id} notification for unknown payment ${event.paymentRef}`);
      return { status: 200, body: { ok: true, ignored: "UNKNOWN_PAYMENT" } };
    }
    const fulfilment = await applyPaymentOutcome(tx, {
      provider: provider.id,
      payment,
      status: event.status,
      amount: event.amount,
      agreementRef: event.agreementRef,
      now: p.now,
      cause: "payment_notification",
      fault: p.fault,
    });
    return { status: 200, body: fulfilment ? { ok: true, fulfilment } : { ok: true } };
  });
}
