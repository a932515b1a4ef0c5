import { index, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AgreementPurpose } from "./agreements";
import { orders } from "./orders";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** A payment's status as a gateway reports it. */
export const PAYMENT_STATUSES = ["pending", "succeeded", "failed", "cancelled", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A payment's status as the app records it: the gateway's, or `amount_mismatch` — the gateway took
 * an amount other than the order's total, so the order is not fulfilled and an operator refunds it.
 */
export type RecordedPaymentStatus = PaymentStatus | "amount_mismatch";

/**
 * The app's own record of each payment it started with a provider: which order it pays, and the
 * last status the app learned (by notification or status query). Counted to number retries.
 */
export const payments = pgTable(
  "payments",
  {
    provider: text("provider").notNull(),
    paymentRef: text("payment_ref").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: money("amount").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status").$type<RecordedPaymentStatus>().notNull().default("pending"),
    /** What the gateway said it took, once it settled (differs from `amount` on an amount_mismatch). */
    receivedAmount: money("received_amount"),
    /** Set when the payment also asked the payer to authorise a recurring-payment agreement (lib/payments/agreements.ts). */
    agreementPurpose: text("agreement_purpose").$type<AgreementPurpose>(),
    agreementDescription: text("agreement_description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payments_ref").on(t.provider, t.paymentRef), index("payments_order").on(t.orderId, t.createdAt)],
);

/**
 * The sandbox gateway's own state, as a hosted gateway would keep it on its side. Nothing in the
 * app reads it except the sandbox provider and its hosted page.
 */
export const sandboxPayments = pgTable(
  "sandbox_payments",
  {
    paymentRef: text("payment_ref").primaryKey(),
    orderId: text("order_id").notNull(),
    orderNumber: text("order_number").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull().default("CNY"),
    status: text("status").$type<PaymentStatus>().notNull().default("pending"),
    idempotencyKey: text("idempotency_key").notNull(),
    returnUrl: text("return_url").notNull(),
    /** Set with status `refunded`: the reference the refund answered. */
    refundRef: text("refund_ref"),
    /** Asked with the payment: the hosted page asks the payer to authorise future charges for this. */
    agreementPurpose: text("agreement_purpose").$type<AgreementPurpose>(),
    agreementDescription: text("agreement_description"),
    /** Set when the payer authorised it and paid: the agreement the sandbox created. */
    agreementRef: text("agreement_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sandbox_payments_idempotency_key").on(t.idempotencyKey)],
);

/** Notifications already processed: a replayed notification id is acknowledged and ignored. */
export const paymentNotifications = pgTable("payment_notifications", {
  notificationId: text("notification_id").primaryKey(),
  paymentRef: text("payment_ref").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Refunds the app asked a provider for: one row per refund, keyed by the provider's reference, so a
 * retried refund (same idempotency key) is recorded once. `refundedBy` is the operator's user id.
 */
export const paymentRefunds = pgTable(
  "payment_refunds",
  {
    refundRef: text("refund_ref").primaryKey(),
    provider: text("provider").notNull(),
    paymentRef: text("payment_ref").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: money("amount").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    reason: text("reason").notNull(),
    refundedBy: text("refunded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payment_refunds_key").on(t.provider, t.idempotencyKey),
    index("payment_refunds_payment").on(t.provider, t.paymentRef),
  ],
);

export type PaymentRefundRow = typeof paymentRefunds.$inferSelect;
export type NewPaymentRefund = typeof paymentRefunds.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;
export type SandboxPaymentRow = typeof sandboxPayments.$inferSelect;
