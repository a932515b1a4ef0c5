import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A customer organisation. It exists only once an order for it is paid: fulfilment creates it
 * (on the free edition) and gives it the paid edition and seats. An order placed and never paid
 * leaves no organisation behind.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    ownerUserId: text("owner_user_id").notNull(),
    edition: text("edition").notNull().default("free"),
    seats: integer("seats"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organisations_owner").on(t.ownerUserId)],
);

export type OrganisationRow = typeof organisations.$inferSelect;
