import { check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { orders } from "./orders";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** What a recurring-payment agreement is for: the membership's monthly renewal or phone credits' auto-recharge. */
export const AGREEMENT_PURPOSES = ["membership", "auto_recharge"] as const;
export type AgreementPurpose = (typeof AGREEMENT_PURPOSES)[number];

export const AGREEMENT_STATUSES = ["active", "cancelled", "failed"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_CHARGE_STATUSES = ["pending", "succeeded", "failed"] as const;
export type AgreementChargeStatus = (typeof AGREEMENT_CHARGE_STATUSES)[number];

/**
 * A recurring-payment agreement the payer authorised with a provider while paying an order
 * (`orderId`, `paymentRef`): the app may charge it later without the payer (lib/payments/agreements.ts).
 */
export const paymentAgreements = pgTable(
  "payment_agreements",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    /** The provider's reference of the agreement. */
    providerRef: text("provider_ref").notNull(),
    userId: text("user_id").notNull(),
    organisationId: text("organisation_id"),
    purpose: text("purpose").$type<AgreementPurpose>().notNull(),
    /** What the payer was told the agreement is for (the consent text's subject). */
    description: text("description").notNull(),
    status: text("status").$type<AgreementStatus>().notNull().default("active"),
    /** The order whose payment set the agreement up. */
    orderId: text("order_id").references(() => orders.id),
    paymentRef: text("payment_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("payment_agreements_ref").on(t.provider, t.providerRef),
    index("payment_agreements_user").on(t.userId, t.createdAt),
    index("payment_agreements_organisation").on(t.organisationId),
    check("payment_agreements_purpose", sql`${t.purpose} in ('membership', 'auto_recharge')`),
    check("payment_agreements_status", sql`${t.status} in ('active', 'cancelled', 'failed')`),
  ],
);

/**
 * One charge of an agreement for one period (`periodKey`, e.g. "2027-01" or a crossing's id) and
 * attempt: the row is the claim, so a period's attempt is charged once across any number of servers;
 * its id is the idempotency key the provider is called with.
 */
export const agreementCharges = pgTable(
  "agreement_charges",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => paymentAgreements.id, { onDelete: "cascade" }),
    periodKey: text("period_key").notNull(),
    attempt: integer("attempt").notNull().default(1),
    amount: money("amount").notNull(),
    description: text("description").notNull(),
    status: text("status").$type<AgreementChargeStatus>().notNull().default("pending"),
    /** The provider's reference of the charge, once it answered. */
    providerChargeRef: text("provider_charge_ref"),
    /** Why the provider refused it. */
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agreement_charges_period_attempt").on(t.agreementId, t.periodKey, t.attempt),
    index("agreement_charges_status").on(t.status, t.createdAt),
    check("agreement_charges_status_check", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);

/** The sandbox gateway's own agreements, as a provider keeps them on its side (only lib/payments/sandbox reads them). */
export const sandboxAgreements = pgTable("sandbox_agreements", {
  agreementRef: text("agreement_ref").primaryKey(),
  /** The payment whose payer authorised it. */
  paymentRef: text("payment_ref").notNull(),
  purpose: text("purpose").$type<AgreementPurpose>().notNull(),
  description: text("description").notNull(),
  status: text("status").$type<"active" | "cancelled">().notNull().default("active"),
  /** Developer control: how many of the next charges the sandbox declines. */
  failNext: integer("fail_next").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
});

/** The sandbox gateway's charges of its agreements: one per idempotency key. */
export const sandboxAgreementCharges = pgTable(
  "sandbox_agreement_charges",
  {
    chargeRef: text("charge_ref").primaryKey(),
    agreementRef: text("agreement_ref")
      .notNull()
      .references(() => sandboxAgreements.agreementRef),
    idempotencyKey: text("idempotency_key").notNull(),
    amount: money("amount").notNull(),
    description: text("description").notNull(),
    status: text("status").$type<"succeeded" | "failed">().notNull(),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_agreement_charges_key").on(t.idempotencyKey),
    index("sandbox_agreement_charges_agreement").on(t.agreementRef, t.createdAt),
  ],
);

export type PaymentAgreementRow = typeof paymentAgreements.$inferSelect;
export type AgreementChargeRow = typeof agreementCharges.$inferSelect;
export type SandboxAgreementRow = typeof sandboxAgreements.$inferSelect;
export type SandboxAgreementChargeRow = typeof sandboxAgreementCharges.$inferSelect;
