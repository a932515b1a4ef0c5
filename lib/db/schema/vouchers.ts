import { boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Vouchers operators issue (PRODUCT.md §2.4): cash (amount off, optional minimum spend) or percent
 * off. A single-use voucher records the one order that redeemed it; the unique index and the
 * conditional update in `redeemVoucher` make a second redemption impossible, even concurrently.
 */
export const vouchers = pgTable(
  "vouchers",
  {
    code: text("code").primaryKey(),
    kind: text("kind").$type<"cash" | "percent">().notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }),
    percent: integer("percent"),
    minimumSpend: numeric("minimum_spend", { precision: 14, scale: 2 }),
    singleUse: boolean("single_use").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    redeemedOrderId: text("redeemed_order_id"),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("vouchers_redeemed_order").on(t.redeemedOrderId), index("vouchers_created").on(t.createdAt)],
);

export type VoucherRow = typeof vouchers.$inferSelect;
