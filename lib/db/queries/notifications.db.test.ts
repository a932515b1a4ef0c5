import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { ensureOrganisation } from "@/lib/db/queries/organisations";
import { notifications } from "@/lib/db/schema";
import { migratedDb, rowsWhere, secondServerDb, testBackend } from "@/lib/db/testing";
import {
  decodeCursor,
  encodeCursor,
  listNotifications,
  markRead,
  notify,
  notifyOrganisationAdmins,
  openNotification,
  unreadCount,
} from "@/lib/notifications";

// The in-app inbox (issues 14 and 15's platform): notices stored as message keys, once per dedupe key
// even from two servers at once, listed newest first with keyset pagination, read by their owner only.
const now = new Date("2026-12-01T08:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe(`the inbox on ${testBackend}`, () => {
  let handle: DbHandle;
  let second: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
    second = secondServerDb(handle);
  });
  afterAll(async () => {
    await second.close();
    await handle.close();
  });
  const user = () => `user-${randomUUID()}`;

  it("stores the key, params and link; counts it unread", async () => {
    const userId = user();
    const row = await notify(handle.db, {
      userId,
      messageKey: "MembershipInbox.giftReceived",
      params: { months: 3, from: "Li" },
      href: "/membership",
      now,
    });
    expect(row).toMatchObject({
      userId,
      messageKey: "MembershipInbox.giftReceived",
      params: { months: 3, from: "Li" },
      href: "/membership",
      readAt: null,
      createdAt: now,
    });
    expect(await unreadCount(handle.db, { userId })).toBe(1);
    // Without `now`: the database's clock, in whole milliseconds, so a page's cursor finds it again.
    const dbClock = await notify(handle.db, { userId, messageKey: "Inbox.test" });
    const [page] = [await listNotifications(handle.db, { userId, limit: 1 })];
    expect(page.items[0]?.id).toBe(dbClock!.id);
    expect(
      (await listNotifications(handle.db, { userId, limit: 5, after: { createdAt: dbClock!.createdAt, id: dbClock!.id } })).items.map(
        (n) => n.id,
      ),
    ).toEqual([row!.id]);
    expect(await unreadCount(handle.db, { userId })).toBe(2);
  });

  it("a repeated dedupe key is a no-op, also from two servers at once", async () => {
    const userId = user();
    const dedupeKey = `phone.low-balance:${randomUUID()}:1`;
    const tries = await Promise.all(
      [handle, second, handle, second].map((h) => notify(h.db, { userId, messageKey: "PhoneInbox.lowBalance", dedupeKey, now })),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await notify(handle.db, { userId, messageKey: "PhoneInbox.lowBalance", dedupeKey, now: at(5) })).toBeUndefined();
    expect(await rowsWhere(handle.db, notifications, { dedupeKey })).toHaveLength(1);
    // Notices without a key never collide.
    await notify(handle.db, { userId, messageKey: "PhoneInbox.lowBalance", now });
    await notify(handle.db, { userId, messageKey: "PhoneInbox.lowBalance", now });
    expect(await unreadCount(handle.db, { userId })).toBe(3);
  });

  it("refuses a key that is not Namespace.key, a link off the site, a param that is not text or a number", async () => {
    const userId = user();
    await expect(notify(handle.db, { userId, messageKey: "giftReceived" })).rejects.toThrow(/message key/);
    await expect(notify(handle.db, { userId, messageKey: "Inbox.x", href: "https://evil.example/" })).rejects.toThrow(/same-site/);
    await expect(notify(handle.db, { userId, messageKey: "Inbox.x", href: "//evil.example" })).rejects.toThrow(/same-site/);
    await expect(notify(handle.db, { userId, messageKey: "Inbox.x", params: { a: { b: 1 } as unknown as string } })).rejects.toThrow(
      /param a/,
    );
    expect(await unreadCount(handle.db, { userId })).toBe(0);
  });

  it("notifies an organisation's admins (its owner), once per admin for one dedupe key", async () => {
    const owner = user();
    const organisationId = randomUUID();
    await ensureOrganisation(handle.db, { id: organisationId, name: "Acme", ownerUserId: owner });
    const dedupeKey = `phone.low-balance:${organisationId}:c1`;
    const first = await notifyOrganisationAdmins(handle.db, {
      organisationId,
      messageKey: "PhoneInbox.lowBalance",
      params: { balance: "¥9.00" },
      href: "/console/phone",
      dedupeKey,
      now,
    });
    expect(first.map((n) => n.userId)).toEqual([owner]);
    expect(await notifyOrganisationAdmins(handle.db, { organisationId, messageKey: "PhoneInbox.lowBalance", dedupeKey, now })).toEqual([]);
    expect(await unreadCount(handle.db, { userId: owner })).toBe(1);
    expect(await notifyOrganisationAdmins(handle.db, { organisationId: randomUUID(), messageKey: "PhoneInbox.lowBalance", now })).toEqual(
      [],
    );
  });

  it("pages newest first: every notice exactly once, ties in time broken by id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        async (minutes, limit) => {
          const userId = user();
          for (const m of minutes) await notify(handle.db, { userId, messageKey: "Inbox.test", params: { m }, now: at(m) });
          await notify(handle.db, { userId: user(), messageKey: "Inbox.test", now }); // someone else's
          const seen: { id: string; createdAt: Date }[] = [];
          let after;
          for (let page = 0; page < 50; page++) {
            const { items, next } = await listNotifications(handle.db, { userId, limit, after });
            expect(items.length).toBeLessThanOrEqual(limit);
            seen.push(...items);
            if (!next) break;
            // The cursor survives a round trip through a link.
            after = decodeCursor(encodeCursor(next));
            expect(after).toEqual(next);
          }
          expect(seen).toHaveLength(minutes.length);
          expect(new Set(seen.map((s) => s.id)).size).toBe(minutes.length);
          const times = seen.map((s) => s.createdAt.getTime());
          expect(times).toEqual([...times].sort((a, b) => b - a));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("marks read only the reader's own notices; opening one reads it and answers its link", async () => {
    const [a, b] = [user(), user()];
    const na = await notify(handle.db, { userId: a, messageKey: "Inbox.test", href: "/console/orders", now });
    const nb = await notify(handle.db, { userId: b, messageKey: "Inbox.test", now });
    await notify(handle.db, { userId: a, messageKey: "Inbox.test", now: at(1) });
    expect(await markRead(handle.db, { userId: a, ids: [nb!.id], now })).toBe(0);
    expect(await unreadCount(handle.db, { userId: b })).toBe(1);
    expect(await openNotification(handle.db, { userId: b, id: na!.id, now })).toBeUndefined();
    expect(await openNotification(handle.db, { userId: a, id: na!.id, now: at(2) })).toEqual({ href: "/console/orders" });
    expect(await unreadCount(handle.db, { userId: a })).toBe(1);
    expect((await rowsWhere(handle.db, notifications, { id: na!.id }))[0]!.readAt).toEqual(at(2));
    expect(await markRead(handle.db, { userId: a, now: at(3) })).toBe(1);
    expect(await unreadCount(handle.db, { userId: a })).toBe(0);
    expect(await markRead(handle.db, { userId: a, now: at(4) })).toBe(0);
  });

  it("decodes only well-formed cursors", () => {
    expect(decodeCursor("nonsense")).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(["2026-12-01T08:00:00.000Z_00000000-0000-0000-0000-000000000000"])).toBeUndefined();
    expect(decodeCursor("2026-12-01T08:00:00.000Z_00000000-0000-0000-0000-000000000000")).toEqual({
      createdAt: now,
      id: "00000000-0000-0000-0000-000000000000",
    });
  });
});
