import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What the built-in sandbox SMS provider "sent" (lib/sms/sandbox.ts): read on the developer outbox page
 * /dev/sms-outbox, which, like the sandbox payment gateway, is never served on a public deployment.
 */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sms_outbox_created").on(t.createdAt)],
);

export type SmsOutboxRow = typeof smsOutbox.$inferSelect;
