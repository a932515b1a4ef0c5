import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";

export const QUOTE_STATUSES = ["draft", "pending_approval", "sent", "opened", "converted", "expired", "revoked"] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });
const percent = (name: string) => numeric(name, { precision: 5, scale: 2 });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A sales quote (PRODUCT.md §5): its current price terms, who made and approved it, and its
 * status. The terms are copied from the current row of `quote_versions`, which holds the link.
 */
export const quotes = pgTable(
  "quotes",
  {
    id: text("id").primaryKey(),
    /** Human-facing, e.g. QT20261122-7F3K9C. */
    number: text("number").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    customerName: text("customer_name").notNull(),
    customerEmail: text("customer_email").notNull(),
    note: text("note"),
    cart: jsonb("cart").notNull(),
    catalogVersion: text("catalog_version").notNull(),
    discountPercent: percent("discount_percent").notNull().default("0"),
    negotiatedSeatPrice: money("negotiated_seat_price"),
    buyerMayEdit: boolean("buyer_may_edit").notNull().default(false),
    expiresAt: at("expires_at").notNull(),
    status: text("status").$type<QuoteStatus>().notNull().default("draft"),
    /** Only the link of this version opens the quote; earlier links are superseded. */
    currentVersion: integer("current_version").notNull().default(1),
    approvedBy: text("approved_by").references(() => user.id),
    approvedAt: at("approved_at"),
    openedAt: at("opened_at"),
    revokedAt: at("revoked_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("quotes_number").on(t.number),
    index("quotes_created_by").on(t.createdBy, t.createdAt),
    check("quotes_status_check", sql`${t.status} in (${sql.raw(QUOTE_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    check("quotes_discount_percent_check", sql`${t.discountPercent} between 0 and 100`),
    check("quotes_negotiated_seat_price_check", sql`${t.negotiatedSeatPrice} is null or ${t.negotiatedSeatPrice} >= 0`),
    check("quotes_current_version_check", sql`${t.currentVersion} >= 1`),
  ],
);

/** Every issued version of a quote: its price terms, the hash of its link token, and what changed. */
export const quoteVersions = pgTable(
  "quote_versions",
  {
    quoteId: text("quote_id")
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** SHA-256 (hex) of the link token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    cart: jsonb("cart").notNull(),
    discountPercent: percent("discount_percent").notNull(),
    negotiatedSeatPrice: money("negotiated_seat_price"),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Field → { from, to } against the previous version; null for the first. */
    changes: jsonb("changes"),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.version] }), uniqueIndex("quote_versions_token_hash").on(t.tokenHash)],
);

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteVersionRow = typeof quoteVersions.$inferSelect;
