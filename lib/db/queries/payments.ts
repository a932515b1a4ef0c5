import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../client";
import {
  orders,
  paymentNotifications,
  payments,
  sandboxPayments,
  type PaymentRow,
  type PaymentStatus,
  type SandboxPaymentRow,
} from "../schema";

// ---- The app's record of payments it started ----

/** Records a payment the app started with a provider; a repeat of the same reference changes nothing. */
export async function recordPayment(
  db: Db,
  params: { provider: string; paymentRef: string; orderId: string; amount: string; idempotencyKey: string; now: Date },
): Promise<void> {
  const { now, ...values } = params;
  await db
    .insert(payments)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [payments.provider, payments.paymentRef] });
}

/** One payment by its provider reference. */
export async function findPayment(db: Db, params: { provider: string; paymentRef: string }): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, params.provider), eq(payments.paymentRef, params.paymentRef)));
  return row;
}

/** An order's payments, oldest first. */
export async function listPaymentsForOrder(db: Db, params: { orderId: string; provider?: string }): Promise<PaymentRow[]> {
  const where = params.provider
    ? and(eq(payments.orderId, params.orderId), eq(payments.provider, params.provider))
    : eq(payments.orderId, params.orderId);
  return db.select().from(payments).where(where).orderBy(asc(payments.createdAt));
}

/** Stores the status the app learned; a succeeded payment stays succeeded whatever arrives later. */
export async function setPaymentStatus(
  db: Db,
  params: { provider: string; paymentRef: string; status: PaymentStatus; now: Date },
): Promise<void> {
  await db
    .update(payments)
    .set({ status: params.status, updatedAt: params.now })
    .where(and(eq(payments.provider, params.provider), eq(payments.paymentRef, params.paymentRef), ne(payments.status, "succeeded")));
}

/** How many of an order's payments failed or were cancelled: the number of the next attempt. */
export async function countEndedPayments(db: Db, params: { orderId: string }): Promise<number> {
  const rows = await db
    .select({ ref: payments.paymentRef })
    .from(payments)
    .where(and(eq(payments.orderId, params.orderId), inArray(payments.status, ["failed", "cancelled"])));
  return rows.length;
}

/** Orders awaiting payment (or expired meanwhile) with a payment not known to have ended, newest first (the start-up sweep). */
export async function listOrdersAwaitingPayment(db: Db, params: { provider: string; limit?: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ orderId: orders.id, createdAt: orders.createdAt })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(
      and(inArray(orders.status, ["pending_payment", "expired"]), eq(payments.provider, params.provider), eq(payments.status, "pending")),
    )
    .orderBy(desc(orders.createdAt))
    .limit(params.limit ?? 500);
  return rows.map((r) => r.orderId);
}

// ---- Notifications already processed (replay protection) ----

/** Claims a notification id; false when it was processed before (a replay). */
export async function claimNotification(db: Db, params: { notificationId: string; paymentRef: string; now: Date }): Promise<boolean> {
  const inserted = await db
    .insert(paymentNotifications)
    .values({ notificationId: params.notificationId, paymentRef: params.paymentRef, receivedAt: params.now })
    .onConflictDoNothing()
    .returning({ id: paymentNotifications.notificationId });
  return inserted.length > 0;
}

// ---- The sandbox gateway's own state ----

export type NewSandboxPayment = Pick<
  SandboxPaymentRow,
  "paymentRef" | "orderId" | "orderNumber" | "amount" | "idempotencyKey" | "returnUrl"
> & { now: Date };

/** Creates a sandbox payment, or finds the one already made under the same idempotency key. */
export async function createSandboxPayment(db: Db, params: NewSandboxPayment): Promise<SandboxPaymentRow> {
  const { now, ...values } = params;
  const [inserted] = await db
    .insert(sandboxPayments)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: sandboxPayments.idempotencyKey })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(sandboxPayments).where(eq(sandboxPayments.idempotencyKey, params.idempotencyKey));
  if (!existing) throw new Error(`sandbox payment vanished for key ${params.idempotencyKey}`);
  return existing;
}

/** A sandbox payment by reference. */
export async function getSandboxPayment(db: Db, params: { paymentRef: string }): Promise<SandboxPaymentRow | undefined> {
  const [row] = await db.select().from(sandboxPayments).where(eq(sandboxPayments.paymentRef, params.paymentRef));
  return row;
}

/** Ends a pending sandbox payment with `status`; `changed` is false when it had already ended. */
export async function settleSandboxPayment(
  db: Db,
  params: { paymentRef: string; status: Exclude<PaymentStatus, "pending">; now: Date },
): Promise<{ row: SandboxPaymentRow; changed: boolean } | undefined> {
  const [updated] = await db
    .update(sandboxPayments)
    .set({ status: params.status, updatedAt: params.now })
    .where(and(eq(sandboxPayments.paymentRef, params.paymentRef), eq(sandboxPayments.status, "pending")))
    .returning();
  if (updated) return { row: updated, changed: true };
  const row = await getSandboxPayment(db, params);
  return row && { row, changed: false };
}

/** Releases a claim whose processing failed, so the gateway's retry is processed. */
export async function unclaimNotification(db: Db, params: { notificationId: string }): Promise<void> {
  await db.delete(paymentNotifications).where(eq(paymentNotifications.notificationId, params.notificationId));
}
