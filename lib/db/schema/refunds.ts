import { index, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/**
 * requested: claimed, the provider not yet asked (or its answer lost); processing: the provider took it and
 * its notification is awaited; succeeded: the money went back and the order moved; failed: the provider refused it.
 */
export const ORDER_REFUND_STATUSES = ["requested", "processing", "succeeded", "failed"] as const;
export type OrderRefundStatus = (typeof ORDER_REFUND_STATUSES)[number];

/** self_serve: the buyer's refund by the rule of PRODUCT.md §6.3; goodwill: an operator's manual refund with a reason. */
export type OrderRefundKind = "self_serve" | "goodwill";

/**
 * One refund per order (the unique order id is the claim: of concurrent confirms one inserts it). A buyer's
 * refund of an order writes one row for it and one per change order refunded with it (`rootOrderId` = the
 * order asked for). The money goes back through `payment_refunds` (the provider's refund references).
 */
export const orderRefunds = pgTable(
  "order_refunds",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    rootOrderId: text("root_order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind").$type<OrderRefundKind>().notNull(),
    status: text("status").$type<OrderRefundStatus>().notNull().default("requested"),
    provider: text("provider"),
    paymentRef: text("payment_ref"),
    /** What goes back; paid is what the order's lines cost after discounts and vouchers, voucherKept the voucher's part. */
    amount: money("amount").notNull(),
    paid: money("paid").notNull(),
    voucherKept: money("voucher_kept").notNull().default("0"),
    /** When the order's services end (day 31 after the purchase); null for a goodwill refund, which ends nothing. */
    stopAt: timestamp("stop_at", { withTimezone: true }),
    /** The order's status once the money is back. */
    outcome: text("outcome").$type<"refunded" | "partially_refunded">().notNull(),
    /** The reason chosen from the short list (or the operator's goodwill reason) and the buyer's own words. */
    reason: text("reason").notNull(),
    note: text("note"),
    requestedBy: text("requested_by").notNull(),
    /** The rule's lines as previewed and confirmed (used and total days, paid, kept, refund). */
    breakdown: jsonb("breakdown").notNull(),
    refundRef: text("refund_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("order_refunds_order").on(t.orderId),
    index("order_refunds_root").on(t.rootOrderId),
    index("order_refunds_status").on(t.status, t.updatedAt),
    index("order_refunds_payment").on(t.provider, t.paymentRef),
  ],
);

export type OrderRefundRow = typeof orderRefunds.$inferSelect;
export type NewOrderRefund = typeof orderRefunds.$inferInsert;
