import { randomUUID } from "node:crypto";
import { safeNextPath } from "@/lib/auth/next-path";
import type { Db } from "@/lib/db/client";
import {
  countUnreadNotifications,
  getOwnNotification,
  insertNotification,
  listNotificationsPage,
  listOrganisationAdminIds,
  markNotificationsRead,
  type NotificationCursor,
} from "@/lib/db/queries/notifications";
import type { NotificationParams, NotificationRow } from "@/lib/db/schema";

/**
 * The in-app inbox (README "Inbox"). A notice is stored as a message KEY and its params, never as text:
 * `messageKey` is a next-intl key in the emitting area's own namespace (e.g. "MembershipInbox.giftReceived",
 * defined in that area's messages/<area>/{zh-CN,en}.json), rendered when read, in the reader's language,
 * with `params` as its ICU arguments. `/inbox` lists them; the header shows the unread count.
 */

export type { NotificationParams, NotificationRow, NotificationCursor };

/** A message key: `Namespace.key` (dotted path into a next-intl namespace). */
const MESSAGE_KEY = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

export interface Notice {
  messageKey: string;
  params?: NotificationParams;
  /** Where the notice leads: a same-site path ("/membership"). */
  href?: string;
  /**
   * Makes the notice once-only: a second notify with the same key (a retried job, another server, the same
   * crossing seen twice) is a no-op. Namespace it by area and subject, e.g. `phone.low-balance:<org>:<crossing>`.
   */
  dedupeKey?: string;
  /** When it happened (a job's `now`); omitted, the database's clock. */
  now?: Date;
}

function checked(n: Notice): { messageKey: string; params: NotificationParams; href: string | null } {
  if (!MESSAGE_KEY.test(n.messageKey)) throw new Error(`notify: "${n.messageKey}" is not a Namespace.key message key`);
  if (n.href !== undefined && (n.href === "/" || safeNextPath(n.href) !== n.href))
    throw new Error(`notify: href must be a same-site path, not ${JSON.stringify(n.href)}`);
  for (const [k, v] of Object.entries(n.params ?? {}))
    if (typeof v !== "string" && !(typeof v === "number" && Number.isFinite(v)))
      throw new Error(`notify: param ${k} must be a string or number`);
  return { messageKey: n.messageKey, params: n.params ?? {}, href: n.href ?? null };
}

/**
 * Puts a notice in a user's inbox. Answers the notice, or undefined when its `dedupeKey` was used before
 * (nothing is added). May run inside the caller's transaction (pass the transaction as `db`), so the notice
 * commits with what it announces.
 */
export async function notify(db: Db, p: Notice & { userId: string }): Promise<NotificationRow | undefined> {
  return insertNotification(db, { id: randomUUID(), userId: p.userId, ...checked(p), dedupeKey: p.dedupeKey ?? null, now: p.now });
}

/**
 * Puts a notice in the inbox of each of an organisation's admins — today its owner (organisations.owner_user_id)
 * alone; when organisations gain member roles, only this function's list of admins changes. With a `dedupeKey`,
 * each admin gets it once (the key is stored per admin as `<dedupeKey>:<userId>`). Answers the notices added.
 */
export async function notifyOrganisationAdmins(db: Db, p: Notice & { organisationId: string }): Promise<NotificationRow[]> {
  const { organisationId, ...notice } = p;
  checked(notice);
  const added: NotificationRow[] = [];
  for (const userId of await listOrganisationAdminIds(db, { organisationId })) {
    const row = await notify(db, { ...notice, userId, dedupeKey: notice.dedupeKey && `${notice.dedupeKey}:${userId}` });
    if (row) added.push(row);
  }
  return added;
}

/** How many of the user's notices are unread (the header's count). */
export function unreadCount(db: Db, p: { userId: string }): Promise<number> {
  return countUnreadNotifications(db, p);
}

/** A cursor as text (for a `?after=` link): the created time in ISO form and the id. */
export const encodeCursor = (c: NotificationCursor) => `${c.createdAt.toISOString()}_${c.id}`;

/** The cursor of an `?after=` value; undefined for anything malformed (the first page). */
export function decodeCursor(value: unknown): NotificationCursor | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_([0-9a-f-]{36})$/.exec(value);
  if (!m) return undefined;
  const createdAt = new Date(m[1]!);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: m[2]! };
}

/**
 * One page of the user's notices, newest first (keyset pagination: pass the answer's `next` as `after` for
 * the following page; no `next` on the last page).
 */
export async function listNotifications(
  db: Db,
  p: { userId: string; limit?: number; after?: NotificationCursor },
): Promise<{ items: NotificationRow[]; next?: NotificationCursor }> {
  const limit = Math.min(Math.max(p.limit ?? 20, 1), 100);
  const rows = await listNotificationsPage(db, { userId: p.userId, limit: limit + 1, after: p.after });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return rows.length > limit && last ? { items, next: { createdAt: last.createdAt, id: last.id } } : { items };
}

/** Marks the user's own notices read: those of `ids`, or all of them. Another user's ids change nothing. Answers how many changed. */
export function markRead(db: Db, p: { userId: string; ids?: readonly string[]; now: Date }): Promise<number> {
  return markNotificationsRead(db, p);
}

/** Opens one of the user's notices: marks it read and answers where it leads (undefined: not theirs). */
export async function openNotification(db: Db, p: { userId: string; id: string; now: Date }): Promise<{ href: string | null } | undefined> {
  const row = await getOwnNotification(db, p);
  if (!row) return undefined;
  await markNotificationsRead(db, { userId: p.userId, ids: [row.id], now: p.now });
  return { href: row.href };
}
