import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** Values a notice's message is rendered with (next-intl ICU arguments). */
export type NotificationParams = Record<string, string | number>;

/**
 * The in-app inbox (lib/notifications): one notice for one user. `messageKey` is a next-intl key in
 * the emitting area's own namespace (e.g. "MembershipInbox.giftReceived"), rendered when read, in the
 * reader's language, with `params`. A `dedupeKey` makes a repeated notice (one crossing, one gift) a no-op.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    messageKey: text("message_key").notNull(),
    params: jsonb("params").$type<NotificationParams>().notNull().default({}),
    href: text("href"),
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
    index("notifications_user").on(t.userId, t.createdAt, t.id),
    index("notifications_unread")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
