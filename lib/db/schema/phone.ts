import { sql } from "drizzle-orm";
import { boolean, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/**
 * An organisation's phone settings, and the row a charge locks (`SELECT … FOR UPDATE`) so that
 * concurrent charges are judged one after another against the ledger's sum: the overdraft an
 * operator allows, the low-balance alert threshold and the auto-recharge rule.
 */
export const phoneAccounts = pgTable("phone_accounts", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  overdraft: money("overdraft").notNull().default("0"),
  outboundPolicy: text("outbound_policy").$type<"any" | "domestic" | "none">(),
  lowBalanceThreshold: money("low_balance_threshold"),
  autoRechargeEnabled: boolean("auto_recharge_enabled").notNull().default(false),
  autoRechargeThreshold: money("auto_recharge_threshold"),
  autoRechargeMode: text("auto_recharge_mode").$type<"amount" | "target">(),
  autoRechargeAmount: money("auto_recharge_amount"),
  autoRechargeTarget: money("auto_recharge_target"),
  autoRechargeMonthlyCap: money("auto_recharge_monthly_cap"),
  autoRechargeFailures: integer("auto_recharge_failures").notNull().default(0),
  agreementId: text("agreement_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Grants operators record per organisation: dial-out to other people, overseas numbers. */
export const phoneGrants = pgTable(
  "phone_grants",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    grant: text("grant").$type<"dial_out" | "overseas">().notNull(),
    grantedBy: text("granted_by").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.grant] })],
);

/** A member's own outbound policy, overriding the organisation's. */
export const phoneMemberPolicies = pgTable(
  "phone_member_policies",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    member: text("member").notNull(),
    policy: text("policy").$type<"any" | "domestic" | "none">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.member] })],
);

/** Every call record received, once per (organisation, call id): charged (with its ledger line) or refused with its reason. */
export const phoneCalls = pgTable(
  "phone_calls",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    callId: text("call_id").notNull(),
    kind: text("kind").notNull(),
    country: text("country").notNull(),
    member: text("member"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    minutes: integer("minutes").notNull(),
    rate: numeric("rate", { precision: 10, scale: 4 }),
    rateVersion: text("rate_version"),
    amount: money("amount").notNull(),
    status: text("status").$type<"charged" | "refused">().notNull(),
    reason: text("reason"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("phone_calls_call_id").on(t.organisationId, t.callId),
    index("phone_calls_started").on(t.organisationId, t.startedAt),
  ],
);

/** API keys: shown once, stored as a SHA-256 hash, scoped, revocable. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_organisation").on(t.organisationId, t.createdAt)],
);

export type PhoneAccountRow = typeof phoneAccounts.$inferSelect;
export type PhoneCallRow = typeof phoneCalls.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
