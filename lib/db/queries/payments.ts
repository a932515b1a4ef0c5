import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../client";
import {
  orders,
  paymentNotifications,
  paymentRefunds,
  payments,
  type NewPaymentRefund,
  type RecordedPaymentStatus,
  sandboxPayments,
  type PaymentRow,
  type PaymentStatus,
  type SandboxPaymentRow,
} from "../schema";

// ---- The app's record of payments it started ----

/** Records a payment the app started with a provider; a repeat of the same reference changes nothing. */
export async function recordPayment(
  db: Db,
  params: {
    provider: string;
    paymentRef: string;
    orderId: string;
    amount: string;
    idempotencyKey: string;
    now: Date;
    /** The recurring-payment agreement asked for with it (lib/payments/agreements.ts), if any. */
    agreementPurpose?: PaymentRow["agreementPurpose"];
    agreementDescription?: string | null;
  },
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

/**
 * The statuses a payment may move to `status` from: money taken (succeeded, amount_mismatch) is
 * never overwritten by a later failure, and amount_mismatch and refunded are left only by a refund.
 */
const MAY_BECOME: Record<RecordedPaymentStatus, RecordedPaymentStatus[]> = {
  pending: [],
  failed: ["pending", "failed", "cancelled"],
  cancelled: ["pending", "failed", "cancelled"],
  refunded: ["pending", "failed", "cancelled"],
  succeeded: ["pending", "failed", "cancelled", "succeeded"],
  amount_mismatch: ["pending", "failed", "cancelled", "succeeded"],
};

/** Stores the status the app learned (and, once settled, the amount the gateway took); see MAY_BECOME. */
export async function setPaymentStatus(
  db: Db,
  params: { provider: string; paymentRef: string; status: RecordedPaymentStatus; receivedAmount?: string; now: Date },
): Promise<void> {
  const from = MAY_BECOME[params.status];
  if (from.length === 0) return;
  await db
    .update(payments)
    .set({ status: params.status, updatedAt: params.now, ...(params.receivedAmount ? { receivedAmount: params.receivedAmount } : {}) })
    .where(and(eq(payments.provider, params.provider), eq(payments.paymentRef, params.paymentRef), inArray(payments.status, from)));
}

/** How many of an order's payments failed or were cancelled: the number of the next attempt. */
export async function countEndedPayments(db: Db, params: { orderId: string }): Promise<number> {
  const rows = await db
    .select({ ref: payments.paymentRef })
    .from(payments)
    .where(and(eq(payments.orderId, params.orderId), inArray(payments.status, ["failed", "cancelled", "amount_mismatch", "refunded"])));
  return rows.length;
}

/** Payments still pending on the app's side, newest first (the reconciliation worker asks the gateway about each). */
export async function listPendingPayments(db: Db, params: { provider: string; limit?: number }): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, params.provider), eq(payments.status, "pending")))
    .orderBy(desc(payments.createdAt))
    .limit(params.limit ?? 500);
}

/** Succeeded payments whose order is still unpaid (awaiting payment, or expired meanwhile): money taken and not yet applied. */
export async function listSucceededPaymentsOfUnpaidOrders(db: Db, params: { provider: string; limit?: number }): Promise<PaymentRow[]> {
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(eq(payments.provider, params.provider), eq(payments.status, "succeeded"), inArray(orders.status, ["pending_payment", "expired"])),
    )
    .orderBy(asc(payments.createdAt))
    .limit(params.limit ?? 500);
  return rows.map((r) => r.payment);
}

/** Why a payment needs an operator: the gateway took the wrong amount, or took money for an order cancelled meanwhile. */
export type AttentionReason = "amount_mismatch" | "order_cancelled";

export interface PaymentNeedingAttention {
  provider: string;
  paymentRef: string;
  orderId: string;
  orderNumber: string;
  /** The order's total: what the payment should have taken. */
  expected: string;
  /** What the gateway says it took. */
  received: string;
  reason: AttentionReason;
  updatedAt: Date;
}

/** Payments an operator must refund (see AttentionReason), oldest first. */
export async function listPaymentsNeedingAttention(db: Db, params: { limit?: number } = {}): Promise<PaymentNeedingAttention[]> {
  const rows = await db
    .select({ payment: payments, orderNumber: orders.number, total: orders.total })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(or(eq(payments.status, "amount_mismatch"), and(eq(payments.status, "succeeded"), eq(orders.status, "cancelled"))))
    .orderBy(asc(payments.updatedAt))
    .limit(params.limit ?? 200);
  return rows.map(({ payment, orderNumber, total }) => ({
    provider: payment.provider,
    paymentRef: payment.paymentRef,
    orderId: payment.orderId,
    orderNumber,
    expected: total,
    received: payment.receivedAmount ?? payment.amount,
    reason: payment.status === "amount_mismatch" ? "amount_mismatch" : "order_cancelled",
    updatedAt: payment.updatedAt,
  }));
}

// ---- Refunds ----

/** Records a refund the provider made; the same refund reference is recorded once. */
export async function recordRefund(db: Db, row: NewPaymentRefund): Promise<void> {
  await db.insert(paymentRefunds).values(row).onConflictDoNothing();
}

/** Marks a payment refunded, only from a status that took money; false when it was not in one. */
export async function markPaymentRefunded(db: Db, params: { provider: string; paymentRef: string; now: Date }): Promise<boolean> {
  const updated = await db
    .update(payments)
    .set({ status: "refunded", updatedAt: params.now })
    .where(
      and(
        eq(payments.provider, params.provider),
        eq(payments.paymentRef, params.paymentRef),
        inArray(payments.status, ["succeeded", "amount_mismatch"]),
      ),
    )
    .returning({ ref: payments.paymentRef });
  return updated.length > 0;
}

/** Locks one payment row until the transaction ends (a refund and a notification on it take turns). */
export async function lockPayment(tx: Db, params: { provider: string; paymentRef: string }): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, params.provider), eq(payments.paymentRef, params.paymentRef)))
    .for("update");
  return row;
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
> &
  Partial<Pick<SandboxPaymentRow, "agreementPurpose" | "agreementDescription">> & { now: Date };

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
  params: { paymentRef: string; status: Exclude<PaymentStatus, "pending" | "refunded">; now: Date },
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

/** Records the sandbox's refund of a payment it took (or voids one still pending); false when it had already ended otherwise. */
export async function refundSandboxPayment(db: Db, params: { paymentRef: string; refundRef: string; now: Date }): Promise<boolean> {
  const updated = await db
    .update(sandboxPayments)
    .set({ status: "refunded", refundRef: params.refundRef, updatedAt: params.now })
    .where(and(eq(sandboxPayments.paymentRef, params.paymentRef), inArray(sandboxPayments.status, ["succeeded", "pending"])))
    .returning({ ref: sandboxPayments.paymentRef });
  return updated.length > 0;
}
