import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { listGiftsGiven, listGiftsReceived, listMemberships } from "@/lib/db/queries/memberships";
import { getOrder, listOrderLines } from "@/lib/db/queries/orders";
import { user } from "@/lib/db/schema";
import { migratedDb, testBackend } from "@/lib/db/testing";
import { markPaidAndFulfil } from "@/lib/orders/fulfil";
import { claimGifts } from "./fulfil";
import { placeMembershipOrder, type MembershipRequest } from "./place";

const consents = agreementsFor("membership").map((a) => ({ agreementId: a.id, version: a.version }));
const t0 = new Date("2027-01-31T02:00:00.000Z");
const DAY = 86_400_000;

describe(`membership orders through order → payment → fulfilment (${testBackend})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  async function buy(userId: string, request: MembershipRequest, now: Date) {
    const placed = await placeMembershipOrder(handle.db, request, { userId, locale: "zh-CN", now, idempotencyKey: randomUUID(), consents });
    if (!placed.ok) throw new Error(`not placed: ${JSON.stringify(placed)}`);
    const order = (await getOrder(handle.db, { orderId: placed.orderId }))!;
    const paid = await markPaidAndFulfil(handle.db, {
      orderId: order.id,
      paymentRef: `ref-${order.id}`,
      amount: order.total,
      now,
      cause: "payment_notification",
    });
    expect(paid).toMatchObject({ ok: true, status: "fulfilled" });
    return order;
  }

  it("opens member-100 for a month from the payment (Jan 31 → Feb 28), buying again extends it, then upgrades for ¥469", async () => {
    const userId = randomUUID();
    const first = await buy(userId, { type: "open", tier: "member-100", months: 1, autoRenew: false }, t0);
    expect(first).toMatchObject({ kind: "membership", total: "30.00", organisationId: null, edition: "member-100" });
    let [m] = await listMemberships(handle.db, { userId });
    expect(m).toMatchObject({ tier: "member-100", paidAmount: "30.00", months: 1, autoRenew: false });
    expect(m!.expiresAt.toISOString()).toBe("2027-02-28T02:00:00.000Z");

    const again = await buy(userId, { type: "open", tier: "member-100", months: 2, autoRenew: false }, new Date(t0.getTime() + DAY));
    expect(again).toMatchObject({ kind: "membership_renewal", total: "60.00" });
    [m] = await listMemberships(handle.db, { userId });
    expect(m).toMatchObject({ paidAmount: "90.00", months: 3 });
    expect(m!.expiresAt.toISOString()).toBe("2027-04-28T02:00:00.000Z");

    // 31 days before the expiry: one month may be upgraded, at 499 − 30 = 469.
    const at = new Date(m!.expiresAt.getTime() - 31 * DAY);
    const up = await buy(userId, { type: "upgrade", tier: "member-300", months: 1 }, at);
    expect(up).toMatchObject({ kind: "membership_upgrade", total: "469.00" });
    expect((await listOrderLines(handle.db, { orderId: up.id }))[0]).toMatchObject({ unitPrice: "469.00", termCount: 1 });
    const rows = await listMemberships(handle.db, { userId });
    const big = rows.find((r) => r.tier === "member-300")!;
    expect(big).toMatchObject({ paidAmount: "499.00", months: 1 });
    expect(big.startsAt).toEqual(at);
    // The membership it upgraded keeps its expiry.
    expect(rows.find((r) => r.tier === "member-100")!.expiresAt).toEqual(m!.expiresAt);
  });

  it("refuses an upgrade with 30 days left, and an order without the agreements", async () => {
    const userId = randomUUID();
    await buy(userId, { type: "open", tier: "member-100", months: 1, autoRenew: false }, t0);
    const [m] = await listMemberships(handle.db, { userId });
    const at = new Date(m!.expiresAt.getTime() - 31 * DAY + 1);
    const ctx = { userId, locale: "en" as const, now: at, idempotencyKey: randomUUID(), consents };
    expect(await placeMembershipOrder(handle.db, { type: "upgrade", tier: "member-300", months: 1 }, ctx)).toEqual({
      ok: false,
      error: "UPGRADE_REFUSED",
      reason: "TOO_FEW_DAYS",
    });
    expect(
      await placeMembershipOrder(handle.db, { type: "open", tier: "member-100", months: 1, autoRenew: false }, { ...ctx, consents: [] }),
    ).toMatchObject({
      ok: false,
      error: "CONSENT_MISSING",
    });
  });

  it("the same idempotency key places one order; another body under it is a conflict", async () => {
    const userId = randomUUID();
    const ctx = { userId, locale: "zh-CN" as const, now: t0, idempotencyKey: randomUUID(), consents };
    const a = await placeMembershipOrder(handle.db, { type: "open", tier: "member-300", months: 2, autoRenew: false }, ctx);
    const b = await placeMembershipOrder(handle.db, { type: "open", tier: "member-300", months: 2, autoRenew: false }, ctx);
    expect(a).toMatchObject({ ok: true, created: true });
    expect(b).toEqual({ ok: true, orderId: (a as { orderId: string }).orderId, created: false });
    expect(await placeMembershipOrder(handle.db, { type: "open", tier: "member-300", months: 3, autoRenew: false }, ctx)).toEqual({
      ok: false,
      error: "IDEMPOTENCY_CONFLICT",
    });
  });

  it("a gift waits for its number, is claimed once when someone proves it, and its months start at the claim", async () => {
    const giver = randomUUID();
    const phone = `139${String(Date.now()).slice(-8)}`;
    expect(
      await placeMembershipOrder(
        handle.db,
        { type: "gift", months: 2, phone },
        { userId: giver, locale: "zh-CN", now: t0, idempotencyKey: randomUUID(), consents },
      ),
    ).toEqual({
      ok: false,
      error: "BAD_TERM",
    });
    expect(
      await placeMembershipOrder(
        handle.db,
        { type: "gift", months: 3, phone: "12345678901" },
        { userId: giver, locale: "zh-CN", now: t0, idempotencyKey: randomUUID(), consents },
      ),
    ).toEqual({
      ok: false,
      error: "BAD_PHONE",
    });
    const order = await buy(giver, { type: "gift", months: 3, phone: `${phone.slice(0, 3)} ${phone.slice(3)}`, message: "生日快乐" }, t0);
    expect(order).toMatchObject({ kind: "membership_gift", total: "90.00" });
    const [gift] = await listGiftsGiven(handle.db, { userId: giver });
    expect(gift).toMatchObject({ phone, months: 3, status: "sent", message: "生日快乐", recipientUserId: null });
    expect(await listMemberships(handle.db, { userId: giver })).toEqual([]);

    const recipient = randomUUID();
    const claimAt = new Date(t0.getTime() + 10 * DAY);
    await handle.db
      .insert(user)
      .values({ id: recipient, name: "韩梅梅", email: `${recipient}@example.com`, phoneNumber: phone, phoneNumberVerified: true });
    const claimed = await handle.db.transaction((tx) => claimGifts(tx, { phone, userId: recipient, now: claimAt }));
    expect(claimed.map((g) => g.id)).toEqual([gift!.id]);
    // Claimed once: a second claim (another server, a replay) finds nothing.
    expect(await handle.db.transaction((tx) => claimGifts(tx, { phone, userId: recipient, now: claimAt }))).toEqual([]);
    const [m] = await listMemberships(handle.db, { userId: recipient });
    expect(m).toMatchObject({ tier: "member-100", months: 3, paidAmount: "90.00", autoRenew: false });
    expect(m!.startsAt).toEqual(claimAt);
    expect(m!.expiresAt.toISOString()).toBe("2027-05-10T02:00:00.000Z");
    expect((await listGiftsReceived(handle.db, { userId: recipient }))[0]).toMatchObject({ status: "claimed", claimedAt: claimAt });

    // A gift to a number an account has already proved is claimed as it is paid.
    const later = await buy(giver, { type: "gift", months: 1, phone }, claimAt);
    expect((await listGiftsGiven(handle.db, { userId: giver })).find((g) => g.orderId === later.id)).toMatchObject({
      status: "claimed",
      recipientUserId: recipient,
    });
    expect((await listMemberships(handle.db, { userId: recipient }))[0]!.expiresAt.toISOString()).toBe("2027-06-10T02:00:00.000Z");
  });

  it("a replayed payment fulfils once", async () => {
    const userId = randomUUID();
    const order = await buy(userId, { type: "open", tier: "member-500", months: 1, autoRenew: false }, t0);
    const again = await markPaidAndFulfil(handle.db, {
      orderId: order.id,
      paymentRef: "x",
      amount: order.total,
      now: t0,
      cause: "status_query",
    });
    expect(again).toMatchObject({ ok: true, alreadyDone: true });
    expect(await listMemberships(handle.db, { userId })).toMatchObject([{ months: 1, paidAmount: "999.00" }]);
  });
});
