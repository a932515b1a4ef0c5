import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getSandboxPayment, settleSandboxPayment } from "@/lib/db/queries/payments";
import { createSandboxAgreement } from "@/lib/db/queries/sandbox-agreements";
import type { PaymentStatus } from "../types";
import { sandboxNotification } from "./provider";

export type SandboxOutcome = Exclude<PaymentStatus, "pending" | "refunded">;

/**
 * The sandbox gateway's side of the buyer's choice on its hosted page: ends the payment, then
 * sends the app one signed notification through `deliver`, as a hosted gateway would POST it.
 * A payment that already ended changes nothing and notifies nothing. Undefined: no such payment.
 *
 * A payment asked with an agreement (createPayment's `agreement`) is paid only with the payer's
 * `consent` to future charges: without it, "CONSENT_REQUIRED" and nothing changes. Paid with it, the
 * sandbox creates the agreement in the same transaction and the notification carries its agreementRef.
 */
export async function completeSandboxPayment(
  db: Db,
  p: {
    paymentRef: string;
    outcome: SandboxOutcome;
    secret: string;
    now: Date;
    deliver: (n: { headers: Headers; rawBody: string }) => Promise<unknown>;
    /** The payer ticked "authorise future charges" (needed to pay a payment that asks for an agreement). */
    consent?: boolean;
  },
): Promise<{ returnUrl: string; status: PaymentStatus; agreementRef?: string } | "CONSENT_REQUIRED" | undefined> {
  const before = await getSandboxPayment(db, { paymentRef: p.paymentRef });
  if (!before) return undefined;
  if (before.status === "pending" && p.outcome === "succeeded" && before.agreementPurpose && !p.consent) return "CONSENT_REQUIRED";
  const settled = await db.transaction(async (tx) => {
    const result = await settleSandboxPayment(tx, { paymentRef: p.paymentRef, status: p.outcome, now: p.now });
    if (!result?.changed || result.row.status !== "succeeded" || !result.row.agreementPurpose) return result;
    const agreement = await createSandboxAgreement(tx, {
      agreementRef: `sba_${randomBytes(16).toString("hex")}`,
      paymentRef: result.row.paymentRef,
      purpose: result.row.agreementPurpose,
      description: result.row.agreementDescription ?? "",
      now: p.now,
    });
    return { ...result, row: { ...result.row, agreementRef: agreement.agreementRef } };
  });
  if (!settled) return undefined;
  const { row, changed } = settled;
  if (changed) {
    const notification = sandboxNotification({
      secret: p.secret,
      event: {
        notificationId: randomUUID(),
        paymentRef: row.paymentRef,
        status: row.status,
        amount: row.amount,
        ...(row.agreementRef ? { agreementRef: row.agreementRef } : {}),
      },
      now: p.now,
    });
    try {
      await p.deliver(notification);
    } catch (error) {
      // A lost notification: the app's status query (reconcilePayment) still completes the order.
      console.warn(`[payments] sandbox notification for ${row.paymentRef} failed`, error);
    }
  }
  return { returnUrl: row.returnUrl, status: row.status, ...(row.agreementRef ? { agreementRef: row.agreementRef } : {}) };
}
