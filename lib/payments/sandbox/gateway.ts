import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { settleSandboxPayment } from "@/lib/db/queries/payments";
import type { PaymentStatus } from "../types";
import { sandboxNotification } from "./provider";

export type SandboxOutcome = Exclude<PaymentStatus, "pending" | "refunded">;

/**
 * The sandbox gateway's side of the buyer's choice on its hosted page: ends the payment, then
 * sends the app one signed notification through `deliver`, as a hosted gateway would POST it.
 * A payment that already ended changes nothing and notifies nothing. Undefined: no such payment.
 */
export async function completeSandboxPayment(
  db: Db,
  p: {
    paymentRef: string;
    outcome: SandboxOutcome;
    secret: string;
    now: Date;
    deliver: (n: { headers: Headers; rawBody: string }) => Promise<unknown>;
  },
): Promise<{ returnUrl: string; status: PaymentStatus } | undefined> {
  const settled = await settleSandboxPayment(db, { paymentRef: p.paymentRef, status: p.outcome, now: p.now });
  if (!settled) return undefined;
  const { row, changed } = settled;
  if (changed) {
    const notification = sandboxNotification({
      secret: p.secret,
      event: { notificationId: randomUUID(), paymentRef: row.paymentRef, status: row.status, amount: row.amount },
      now: p.now,
    });
    try {
      await p.deliver(notification);
    } catch (error) {
      // A lost notification: the app's status query (reconcilePayment) still completes the order.
      console.warn(`[payments] sandbox notification for ${row.paymentRef} failed`, error);
    }
  }
  return { returnUrl: row.returnUrl, status: row.status };
}
