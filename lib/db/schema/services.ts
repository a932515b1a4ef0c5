import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { organisations } from "./organisations";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/**
 * What an organisation has bought and holds: one row per paid order line (seats or a recurring
 * add-on), with the unit price and discount actually paid, which refunds and upgrades need.
 */
export const serviceItems = pgTable(
  "service_items",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    kind: text("kind").$type<"seats" | "addon">().notNull(),
    /** The add-on's capacity from the catalog (e.g. 500 participants); null for seats. */
    capacity: integer("capacity"),
    quantity: integer("quantity").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    unitPrice: money("unit_price").notNull(),
    /**
     * What was actually paid for this item: the order line's share of the order total, after the
     * quote discount and its share of any voucher (the shares of an order add up to its total).
     */
    paidAmount: money("paid_amount").notNull(),
    /**
     * Multiplier actually applied to the line's list amount (unit price × quantity × term):
     * paidAmount ÷ that amount, 1 = no discount, 0.85 = 15% off. Ten places, so an upgrade
     * priced from it is exact to the fen.
     */
    discount: numeric("discount", { precision: 11, scale: 10 }).notNull().default("1"),
    sourceOrderId: text("source_order_id")
      .notNull()
      .references(() => orders.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_items_organisation").on(t.organisationId, t.expiresAt),
    index("service_items_source_order").on(t.sourceOrderId),
    check("service_items_quantity", sql`${t.quantity} > 0`),
  ],
);

/**
 * topup: a phone pack; credit_purchase: a direct credit order; auto_recharge: a charge on the
 * payment agreement; call: a rated call (negative); refund: credit taken back or given back;
 * adjustment: an operator's correction with a reason.
 */
export const PHONE_CREDIT_KINDS = ["topup", "credit_purchase", "auto_recharge", "call", "refund", "adjustment"] as const;
export type PhoneCreditKind = (typeof PHONE_CREDIT_KINDS)[number];

/** Append-only phone-credit ledger (PRODUCT.md §8): the balance is the sum of `amount`. */
export const phoneCreditLedger = pgTable(
  "phone_credit_ledger",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<PhoneCreditKind>().notNull(),
    /** Positive for top-ups, negative for call charges. */
    amount: money("amount").notNull(),
    sourceOrderId: text("source_order_id").references(() => orders.id),
    /** For a top-up from an order: that order line's share of the order total (the credit is the face value). */
    paidAmount: money("paid_amount"),
    note: text("note"),
    /** Insertion order: the ledger table's keyset (stable, unique, increasing). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /** A call's line: its call id, kind, destination country, billed minutes and the per-minute rate it was charged at. */
    callId: text("call_id"),
    callKind: text("call_kind"),
    country: text("country"),
    minutes: integer("minutes"),
    rate: numeric("rate", { precision: 10, scale: 4 }),
    /** Who made an operator adjustment. */
    actorId: text("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("phone_credit_ledger_organisation").on(t.organisationId, t.createdAt),
    index("phone_credit_ledger_keyset").on(t.organisationId, t.seq),
  ],
);

export type ServiceItemRow = typeof serviceItems.$inferSelect;
export type PhoneCreditEntryRow = typeof phoneCreditLedger.$inferSelect;
