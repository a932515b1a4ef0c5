import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { ORDER_STATUSES, orderEvents, orders, type OrderStatus } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend, updateRows } from "@/lib/db/testing";
import { placeOrder } from "./place-order";
import {
  ALLOWED,
  cancelOrder,
  canTransition,
  expireIfStale,
  expireStaleOrders,
  LATE_PAYMENT,
  PAYMENT_WINDOW_MS,
  transitionOrder,
} from "./state";

const now = new Date("2026-11-22T04:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const cart = { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] };

/** The legal transitions, written out independently of ALLOWED. */
const LEGAL = new Set([
  "pending_payment>paid",
  "pending_payment>cancelled",
  "pending_payment>expired",
  "paid>fulfilled",
  "paid>refunded",
  "paid>partially_refunded",
  "fulfilled>refunded",
  "fulfilled>partially_refunded",
  "expired>paid", // only as a late payment
]);
const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

describe("order state machine", () => {
  it("has exactly the transitions of PRODUCT.md §4", () => {
    for (const [from, to] of pairs) expect(ALLOWED[from].includes(to), `${from} → ${to}`).toBe(LEGAL.has(`${from}>${to}`));
    expect(PAYMENT_WINDOW_MS).toBe(30 * 60 * 1000);
  });

  it("allows expired → paid only as a late payment", () => {
    expect(canTransition("expired", "paid", LATE_PAYMENT)).toBe(true);
    expect(canTransition("expired", "paid", "payment_notification")).toBe(false);
  });
});

describe(`order transitions on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  async function newOrder(userId = "buyer", at = now): Promise<string> {
    const result = await placeOrder(
      handle.db,
      {
        idempotencyKey: randomUUID(),
        cart,
        expectedTotal: "2964.00",
        consents: agreementsFor("pro").map((a) => ({ agreementId: a.id, version: a.version })),
        organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
        invoice: { type: "none" },
        upgrade: { method: "new" },
      },
      { userId, locale: "en", now: at },
    );
    if (!result.ok) throw new Error(result.error);
    return result.orderId;
  }
  const statusOf = async (orderId: string) => (await rowsWhere(handle.db, orders, { id: orderId }))[0]?.status;
  const eventsOf = (orderId: string) => rowsWhere(handle.db, orderEvents, { orderId });

  it.each(pairs)("%s → %s is applied with an event, or refused with nothing written", async (from, to) => {
    const orderId = await newOrder();
    await updateRows(handle.db, orders, { id: orderId }, { status: from });
    const cause = from === "expired" && to === "paid" ? LATE_PAYMENT : "test";
    const result = await handle.db.transaction((tx) => transitionOrder(tx, { orderId, to, cause, now: minutes(1) }));
    const legal = LEGAL.has(`${from}>${to}`);
    expect(result.ok).toBe(legal);
    expect(await statusOf(orderId)).toBe(legal ? to : from);
    const events = await rowsWhere(handle.db, orderEvents, { orderId, cause });
    expect(events).toEqual(legal ? [{ orderId, at: minutes(1), fromStatus: from, toStatus: to, cause }] : []);
    if (!result.ok) expect(result).toEqual({ ok: false, error: "INVALID_TRANSITION", from, to });
  });

  it("refuses an expired → paid transition that is not a late payment", async () => {
    const orderId = await newOrder();
    await updateRows(handle.db, orders, { id: orderId }, { status: "expired" });
    const result = await handle.db.transaction((tx) => transitionOrder(tx, { orderId, to: "paid", cause: "payment_notification", now }));
    expect(result).toEqual({ ok: false, error: "INVALID_TRANSITION", from: "expired", to: "paid" });
    expect(await statusOf(orderId)).toBe("expired");
  });

  it("reports an unknown order", async () => {
    expect(await handle.db.transaction((tx) => transitionOrder(tx, { orderId: randomUUID(), to: "paid", cause: "x", now }))).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
  });

  it("expires an unpaid order on access after 30 minutes, not before", async () => {
    const orderId = await newOrder();
    expect(await expireIfStale(handle.db, { orderId, now: minutes(29) })).toBe(false);
    expect(await statusOf(orderId)).toBe("pending_payment");
    expect(await expireIfStale(handle.db, { orderId, now: minutes(31) })).toBe(true);
    expect(await statusOf(orderId)).toBe("expired");
    expect((await eventsOf(orderId)).map((e) => [e.fromStatus, e.toStatus, e.cause])).toEqual([
      [null, "pending_payment", "checkout"],
      ["pending_payment", "expired", "expired_unpaid"],
    ]);
    // Idempotent: a second access changes nothing.
    expect(await expireIfStale(handle.db, { orderId, now: minutes(40) })).toBe(false);
    expect(await eventsOf(orderId)).toHaveLength(2);
  });

  it("sweeps orders unpaid for 31 minutes and leaves 29-minute-old and paid ones alone", async () => {
    const sweepAt = new Date("2026-11-23T10:00:00Z");
    const ago = (n: number) => new Date(sweepAt.getTime() - n * 60_000);
    // Earlier tests left pending orders from `now`; sweep them first so the count below is exact.
    await expireStaleOrders(handle.db, { now: ago(60) });
    const old = await newOrder("sweeper", ago(31));
    const young = await newOrder("sweeper", ago(29));
    const paid = await newOrder("sweeper", ago(45));
    await handle.db.transaction((tx) => transitionOrder(tx, { orderId: paid, to: "paid", cause: "test", now: ago(40) }));
    expect(await expireStaleOrders(handle.db, { now: sweepAt })).toBe(1);
    expect([await statusOf(old), await statusOf(young), await statusOf(paid)]).toEqual(["expired", "pending_payment", "paid"]);
    expect(await expireStaleOrders(handle.db, { now: sweepAt })).toBe(0);
  });

  it("lets the buyer, and only the buyer, cancel an order awaiting payment", async () => {
    const orderId = await newOrder("canceller");
    expect(await cancelOrder(handle.db, { orderId, userId: "someone-else", now })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await cancelOrder(handle.db, { orderId, userId: "canceller", now: minutes(5) })).toEqual({ ok: true });
    expect((await getOrderForUser(handle.db, { orderId, userId: "canceller" }))?.events.at(-1)).toMatchObject({
      fromStatus: "pending_payment",
      toStatus: "cancelled",
      cause: "buyer_cancelled",
    });
    expect(await cancelOrder(handle.db, { orderId, userId: "canceller", now: minutes(6) })).toEqual({
      ok: false,
      error: "INVALID_TRANSITION",
    });
  });
});
