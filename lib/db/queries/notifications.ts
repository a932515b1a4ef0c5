import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { notifications, organisations, type NotificationParams, type NotificationRow } from "../schema";

export type NewNotification = {
  id: string;
  userId: string;
  messageKey: string;
  params: NotificationParams;
  href: string | null;
  dedupeKey: string | null;
  /** Omitted: the database's clock. */
  now?: Date;
};

/** Adds a notice; a `dedupeKey` already used makes it a no-op (undefined), however many servers try at once. */
export async function insertNotification(db: Db, params: NewNotification): Promise<NotificationRow | undefined> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(notifications)
    // Whole milliseconds, as a JS Date holds them, so a page's cursor (a Date) matches its row exactly.
    .values({ ...values, createdAt: now ?? sql`date_trunc('milliseconds', now())` })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning();
  return row;
}

/** How many of a user's notices are unread. */
export async function countUnreadNotifications(db: Db, params: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, params.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Where a page of notices continues: after this notice (newest first, by created time then id). */
export type NotificationCursor = { createdAt: Date; id: string };

/** One page of a user's notices, newest first, after `after` (keyset: created time, then id). */
export async function listNotificationsPage(
  db: Db,
  params: { userId: string; limit: number; after?: NotificationCursor },
): Promise<NotificationRow[]> {
  const { after } = params;
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, params.userId),
        after
          ? or(
              lt(notifications.createdAt, after.createdAt),
              and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit);
}

/** Marks the user's own notices read (those of `ids`, or every unread one without); answers how many changed. */
export async function markNotificationsRead(db: Db, params: { userId: string; ids?: readonly string[]; now: Date }): Promise<number> {
  if (params.ids && params.ids.length === 0) return 0;
  const updated = await db
    .update(notifications)
    .set({ readAt: params.now })
    .where(
      and(
        eq(notifications.userId, params.userId),
        isNull(notifications.readAt),
        params.ids ? inArray(notifications.id, [...params.ids]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return updated.length;
}

/** One of the user's own notices. */
export async function getOwnNotification(db: Db, params: { userId: string; id: string }): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, params.id), eq(notifications.userId, params.userId)));
  return row;
}

/** The users who administer an organisation. Today that is its owner (organisations.owner_user_id) alone. */
export async function listOrganisationAdminIds(db: Db, params: { organisationId: string }): Promise<string[]> {
  const rows = await db
    .select({ userId: organisations.ownerUserId })
    .from(organisations)
    .where(eq(organisations.id, params.organisationId));
  return [...new Set(rows.map((r) => r.userId))];
}
