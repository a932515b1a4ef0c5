import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Every catalog version ever served, so a quote can be re-read against the prices it was made with. */
export const catalogVersions = pgTable("catalog_versions", {
  version: text("version").primaryKey(),
  sha256: text("sha256").notNull(),
  data: jsonb("data").notNull(),
  firstServedAt: timestamp("first_served_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
