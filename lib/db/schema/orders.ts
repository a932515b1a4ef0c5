import { type AnyPgColumn, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { quotes } from "./quotes";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const ORDER_STATUSES = ["pending_payment", "paid", "fulfilled", "cancelled", "expired", "refunded", "partially_refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * What an order does: a first `purchase` of an edition (the /buy wizard or a quote), a change to what an
 * organisation holds (PRODUCT.md §6: `add` capacity, `raise` a spec, `renew`, `scheduled_renewal`), a personal
 * membership (§7) or phone credit (§8).
 */
export const ORDER_KINDS = [
  "purchase",
  "add",
  "raise",
  "renew",
  "scheduled_renewal",
  "membership",
  "membership_renewal",
  "membership_upgrade",
  "membership_gift",
  "phone_credit",
] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** An order as placed: the server-priced cart, frozen with the catalog version it was priced on. */
export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    /** Human-facing order number, e.g. Q20261122-7F3K9C. */
    number: text("number").notNull(),
    userId: text("user_id").notNull(),
    /** Chosen by the browser once per checkout; repeats of the same submit find the same order. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** Fingerprint of what was submitted under that key, to refuse a key reused for another cart. */
    requestHash: text("request_hash").notNull(),
    status: text("status").$type<OrderStatus>().notNull().default("pending_payment"),
    kind: text("kind").$type<OrderKind>().notNull().default("purchase"),
    /**
     * For a change order (add, raise, renew, scheduled_renewal): the order that bought the organisation's
     * current seats, whose refund takes the change with it (PRODUCT.md §6.3).
     */
    parentOrderId: text("parent_order_id").references((): AnyPgColumn => orders.id),
    edition: text("edition").notNull(),
    seats: integer("seats"),
    cart: jsonb("cart").notNull(),
    catalogVersion: text("catalog_version").notNull(),
    currency: text("currency").notNull().default("CNY"),
    total: money("total").notNull(),
    /** The organisation the order is for: an existing one upgraded in place, or the id of a new one, created when the order is paid. */
    organisationId: text("organisation_id"),
    upgradeMethod: text("upgrade_method").$type<"in-place" | "new">(),
    organisation: jsonb("organisation").notNull(),
    invoice: jsonb("invoice"),
    locale: text("locale").notNull(),
    /** The sales quote (and its version) the order was accepted from; its terms priced the order. */
    quoteId: text("quote_id").references(() => quotes.id),
    quoteVersion: integer("quote_version"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_idempotency_key").on(t.userId, t.idempotencyKey),
    uniqueIndex("orders_number").on(t.number),
    index("orders_user").on(t.userId, t.createdAt),
    index("orders_parent").on(t.parentOrderId),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").$type<"seats" | "addon" | "adjustment">().notNull(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    quantity: integer("quantity").notNull(),
    termUnit: text("term_unit").$type<"month" | "year">(),
    termCount: integer("term_count"),
    unitPrice: money("unit_price").notNull(),
    amount: money("amount").notNull(),
    formula: text("formula").notNull(),
  },
  (t) => [uniqueIndex("order_lines_position").on(t.orderId, t.position)],
);

/** Which version of which agreement the buyer accepted for an order, and when. */
export const orderConsents = pgTable(
  "order_consents",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    agreementId: text("agreement_id").notNull(),
    version: text("version").notNull(),
    userId: text("user_id").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("order_consents_agreement").on(t.orderId, t.agreementId)],
);

/** Every status change of an order, with its cause. */
export const orderEvents = pgTable(
  "order_events",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text("from_status").$type<OrderStatus>(),
    toStatus: text("to_status").$type<OrderStatus>().notNull(),
    cause: text("cause").notNull(),
  },
  (t) => [index("order_events_order").on(t.orderId, t.at)],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
