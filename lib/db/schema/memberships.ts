import { boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/**
 * A person's membership of one tier (PRODUCT.md §7): its current run of consecutive months. One row per
 * person and tier: buying the tier again extends the row's expiry (or starts a new run on it once it ended).
 */
export const memberships = pgTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    tier: text("tier").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** What was actually paid for the current run, and for how many months: their ratio is the paid price per month an upgrade subtracts. */
    paidAmount: money("paid_amount").notNull(),
    months: integer("months").notNull(),
    /** Continuous monthly: renewed by the membership.renew job through the provider agreement below. */
    autoRenew: boolean("auto_renew").notNull().default(false),
    agreementId: text("agreement_id"),
    /** The order whose payment set up the agreement (recorded right after it is fulfilled): how the agreement is found. */
    agreementOrderId: text("agreement_order_id"),
    /** The order that last extended or started this run. */
    lastOrderId: text("last_order_id").references(() => orders.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("memberships_user_tier").on(t.userId, t.tier), index("memberships_expiry").on(t.autoRenew, t.expiresAt)],
);

export const GIFT_STATUSES = ["sent", "claimed"] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];

/**
 * A membership given to a mobile number (PRODUCT.md §7): created when its order is paid (`sent`), claimed by
 * whoever proves that number (at once when an account already has it verified); its months start at the claim.
 */
export const gifts = pgTable(
  "membership_gifts",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    giverUserId: text("giver_user_id").notNull(),
    /** The recipient's mainland mobile number, 11 digits. */
    phone: text("phone").notNull(),
    tier: text("tier").notNull(),
    months: integer("months").notNull(),
    message: text("message"),
    status: text("status").$type<GiftStatus>().notNull().default("sent"),
    recipientUserId: text("recipient_user_id"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("membership_gifts_order").on(t.orderId), index("membership_gifts_phone").on(t.phone, t.status)],
);

export type MembershipRow = typeof memberships.$inferSelect;
export type GiftRow = typeof gifts.$inferSelect;
