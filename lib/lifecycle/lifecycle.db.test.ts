// Change orders through the real order → payment → fulfilment path, on PGlite and on PostgreSQL (TEST_DATABASE_URL).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import type { DbHandle } from "@/lib/db/client";
import { listServiceItemChanges } from "@/lib/db/queries/lifecycle";
import { getServices, phoneCreditBalance } from "@/lib/db/queries/services";
import { orders, organisations, paymentRefunds, scheduledRenewals } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import { RECURRING } from "@/lib/jobs/recurring";
import { markPaidAndFulfil } from "@/lib/orders/fulfil";
import { placeOrder } from "@/lib/orders/place-order";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { createSandboxProvider } from "@/lib/payments/sandbox/provider";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { startOrderPayment } from "@/lib/payments/start";
import type { PaymentProvider } from "@/lib/payments/types";
import { sampleCheckout } from "@/lib/testing/checkout";
import { loadHeldState } from "./held";
import { quoteMessages } from "./messages";
import { placeChangeOrder } from "./place";
import { quoteChange } from "./quote";
import { cancelScheduledRenewal } from "./scheduled";
import type { ChangeRequest } from "./types";

const DAY = 86_400_000;
const bought = new Date("2026-11-22T04:00:00Z");
const secret = "sandbox-test-secret-".padEnd(40, "x");

describe(`changes after a purchase on ${testBackend}`, () => {
  let handle: DbHandle;
  let provider: PaymentProvider;
  let clock = bought;
  beforeAll(async () => {
    handle = await migratedDb();
    provider = createSandboxProvider({ db: async () => handle.db, secret, now: () => clock });
  });
  afterAll(async () => handle.close());

  /** A business organisation (30 seats + one large-meeting-500 for a year), bought and paid at `bought`. */
  async function buyBusiness() {
    const userId = `buyer-${randomUUID()}`;
    const placed = await placeOrder(handle.db, sampleCheckout(), { userId, locale: "en", now: bought });
    if (!placed.ok) throw new Error(placed.error);
    await markPaidAndFulfil(handle.db, {
      orderId: placed.orderId,
      paymentRef: `p-${placed.orderId}`,
      amount: "52488.00",
      now: bought,
      cause: "t",
    });
    const [order] = await rowsWhere(handle.db, orders, { id: placed.orderId });
    return { userId, purchaseId: placed.orderId, organisationId: order!.organisationId! };
  }

  /** Previews a change as the page does (the stored items at `now`). */
  async function previewOf(o: { organisationId: string }, change: ChangeRequest, now: Date) {
    const [org] = await rowsWhere(handle.db, organisations, { id: o.organisationId });
    const { state } = await loadHeldState(handle.db, org!);
    const preview = quoteChange(state, change, { now, catalog, messages: quoteMessages() });
    return { preview, input: { idempotencyKey: randomUUID(), organisationId: o.organisationId, change, expectedTotal: preview.total } };
  }

  /** Previews a change, then orders it at the same instant with the previewed total. */
  async function order(o: { userId: string; organisationId: string }, change: ChangeRequest, now: Date) {
    const { preview, input } = await previewOf(o, change, now);
    const result = await placeChangeOrder(handle.db, input, { userId: o.userId, locale: "en", now });
    return { preview, result, input };
  }

  /** Pays an order through the sandbox (start → hosted page → signed notification → fulfilment in one transaction). */
  async function pay(o: { userId: string }, orderId: string, now: Date) {
    clock = now;
    const started = await startOrderPayment(handle.db, provider, { orderId, userId: o.userId, now });
    if (!started.ok) throw new Error(started.error);
    await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now,
      deliver: (n) => handlePaymentNotification(handle.db, provider, { ...n, now }),
    });
    const [row] = await rowsWhere(handle.db, orders, { id: orderId });
    return row!;
  }

  it("adds a large meeting mid-term: charged what the preview said, ending with the held one, parent = the purchase", async () => {
    const o = await buyBusiness();
    const at = new Date(bought.getTime() + 181 * DAY);
    const { preview, result, input } = await order(o, { kind: "add", sku: "large-meeting-500", quantity: 1 }, at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [placed] = await rowsWhere(handle.db, orders, { id: result.orderId });
    expect(placed).toMatchObject({ kind: "add", parentOrderId: o.purchaseId, total: preview.total, status: "pending_payment" });
    // The same submit again is the same order; another body under the key is a conflict.
    expect(await placeChangeOrder(handle.db, input, { userId: o.userId, locale: "en", now: at })).toEqual({
      ok: true,
      orderId: result.orderId,
      created: false,
    });
    expect(
      await placeChangeOrder(
        handle.db,
        { ...input, change: { ...input.change, quantity: 2 } },
        { userId: o.userId, locale: "en", now: at },
      ),
    ).toEqual({ ok: false, error: "IDEMPOTENCY_CONFLICT" });
    // Another change while this one is unpaid is refused, pointing at it.
    expect((await order(o, { kind: "add", sku: "rooms", quantity: 1, term: { unit: "month", count: 1 } }, at)).result).toEqual({
      ok: false,
      error: "CHANGE_UNPAID",
      orderId: result.orderId,
    });
    expect((await pay(o, result.orderId, at)).status).toBe("fulfilled");
    const items = (await getServices(handle.db, { organisationId: o.organisationId })).filter((i) => i.sku === "large-meeting-500");
    expect(items).toHaveLength(2);
    const added = items.find((i) => i.sourceOrderId === result.orderId)!;
    const original = items.find((i) => i.sourceOrderId === o.purchaseId)!;
    expect(added.expiresAt.toISOString()).toBe(original.expiresAt.toISOString());
    expect(added.paidAmount).toBe(preview.total);
  });

  it("an unpaid change past its payment window no longer blocks the next: it expires", async () => {
    const o = await buyBusiness();
    const at = new Date(bought.getTime() + 10 * DAY);
    const first = await order(o, { kind: "add", sku: "large-meeting-500", quantity: 1 }, at);
    if (!first.result.ok) throw new Error(first.result.error);
    const rooms = { kind: "add", sku: "rooms", quantity: 1, term: { unit: "year", count: 1 } } as const;
    expect((await order(o, rooms, new Date(at.getTime() + 29 * 60_000))).result).toMatchObject({ error: "CHANGE_UNPAID" });
    expect((await order(o, rooms, new Date(at.getTime() + 31 * 60_000))).result.ok).toBe(true);
    expect((await rowsWhere(handle.db, orders, { id: first.result.orderId }))[0]!.status).toBe("expired");
  });

  it("a browser total that is not the server's is refused; the server never takes a price from the browser", async () => {
    const o = await buyBusiness();
    const at = new Date(bought.getTime() + 100 * DAY);
    const { input } = await previewOf(o, { kind: "add", sku: "large-meeting-500", quantity: 1 }, at);
    const cheap = { ...input, expectedTotal: "1.00" };
    expect(await placeChangeOrder(handle.db, cheap, { userId: o.userId, locale: "en", now: at })).toMatchObject({
      ok: false,
      error: "PRICE_CHANGED",
    });
    expect(
      await placeChangeOrder(handle.db, { ...input, idempotencyKey: randomUUID() }, { userId: "someone-else", locale: "en", now: at }),
    ).toEqual({
      ok: false,
      error: "ORGANISATION_NOT_FOUND",
    });
  });

  it("raises recording and renews aligned: items changed in place are recorded in service_item_changes", async () => {
    const o = await buyBusiness();
    // A recording add-on bought for 6 months, ending before the seats.
    const at = new Date(bought.getTime() + 30 * DAY);
    const add = await order(o, { kind: "add", sku: "recording-100g", quantity: 1, term: { unit: "month", count: 6 } }, at);
    if (!add.result.ok) throw new Error(add.result.error);
    await pay(o, add.result.orderId, at);
    const recording = (await getServices(handle.db, { organisationId: o.organisationId })).find((i) => i.sku === "recording-100g")!;

    const raise = await order(o, { kind: "raise", itemId: recording.id, toSku: "recording-200g" }, at);
    if (!raise.result.ok) throw new Error(raise.result.error);
    await pay(o, raise.result.orderId, at);
    const renew = await order(o, { kind: "renew", mode: "align", itemIds: [] }, at);
    if (!renew.result.ok) throw new Error(renew.result.error);
    await pay(o, renew.result.orderId, at);

    const items = await getServices(handle.db, { organisationId: o.organisationId });
    const seats = items.find((i) => i.kind === "seats")!;
    const raised = items.find((i) => i.id === recording.id)!;
    expect(raised).toMatchObject({ sku: "recording-200g", capacity: 200, unitPrice: "140.00" });
    expect(raised.expiresAt.toISOString()).toBe(seats.expiresAt.toISOString());
    const changes = await listServiceItemChanges(handle.db, { organisationId: o.organisationId });
    changes.sort((a, b) => a.kind.localeCompare(b.kind));
    expect(changes.map((c) => [c.kind, c.orderId, c.fromSku, c.toSku])).toEqual([
      ["extend", renew.result.orderId, "recording-200g", "recording-200g"],
      ["raise", raise.result.orderId, "recording-100g", "recording-200g"],
    ]);
    expect(changes[0]!.fromExpiresAt.toISOString()).toBe(recording.expiresAt.toISOString());
    expect(changes[0]!.amount).toBe(renew.preview.total);
    expect(changes[1]!.amount).toBe(raise.preview.total);
  });

  it("a scheduled renewal is paid now, takes effect once when the seats end, and blocks other changes meanwhile", async () => {
    const o = await buyBusiness();
    const at = new Date(bought.getTime() + 300 * DAY);
    const cart = { edition: "business", seats: 20, term: { unit: "year", count: 1 }, addons: [{ sku: "phone-pack-100", quantity: 1 }] };
    const scheduled = await order(o, { kind: "scheduled_renewal", cart }, at);
    if (!scheduled.result.ok) throw new Error(scheduled.result.error);
    expect(scheduled.preview.total).toBe("27900.00");
    await pay(o, scheduled.result.orderId, at);
    // Phone credit bought with it is available at once.
    expect(await phoneCreditBalance(handle.db, { organisationId: o.organisationId })).toBe("100.00");
    const refused = await order(o, { kind: "add", sku: "large-meeting-500", quantity: 1 }, at);
    expect(refused.result).toMatchObject({ ok: false, error: "CHANGE_REFUSED" });
    expect(!refused.result.ok && "messages" in refused.result && refused.result.messages[0]).toMatch(/scheduled renewal is pending/);

    const job = RECURRING.applyScheduledRenewals;
    // Before the seats end nothing happens.
    expect(await job.run({ db: handle.db, provider }, { now: at, only: { userId: o.userId } })).toEqual({ applied: 0 });
    const after = new Date(bought.getTime() + 400 * DAY);
    // `only` limits a pass to its user's records.
    expect(await job.run({ db: handle.db, provider }, { now: after, only: { userId: "nobody" } })).toEqual({ applied: 0 });
    expect(await job.run({ db: handle.db, provider }, { now: after, only: { userId: o.userId } })).toEqual({ applied: 1 });
    expect(await job.run({ db: handle.db, provider }, { now: after, only: { userId: o.userId } })).toEqual({ applied: 0 });
    const [org] = await rowsWhere(handle.db, organisations, { id: o.organisationId });
    expect(org!.seats).toBe(20);
    const seats = (await getServices(handle.db, { organisationId: o.organisationId })).filter((i) => i.kind === "seats");
    const scheduledId = scheduled.result.orderId;
    const next = seats.find((s) => s.sourceOrderId === scheduledId)!;
    expect(next).toMatchObject({ quantity: 20 });
    expect(next.startsAt.toISOString()).toBe(scheduled.preview.effectiveAt);
    // The next change's parent is the renewal that bought the seats now in force.
    // (The large meeting was not renewed: it ended with the old seats, so it is bought anew for a term.)
    const addLater = await order(o, { kind: "add", sku: "large-meeting-500", quantity: 1, term: { unit: "month", count: 6 } }, after);
    if (!addLater.result.ok) throw new Error(addLater.result.error);
    const [placed] = await rowsWhere(handle.db, orders, { id: addLater.result.orderId });
    expect(placed!.parentOrderId).toBe(scheduled.result.orderId);
  });

  it("the buyer cancels a pending scheduled renewal: refunded through the provider, changes allowed again", async () => {
    const o = await buyBusiness();
    const at = new Date(bought.getTime() + 300 * DAY);
    const cart = { edition: "business", seats: 25, term: { unit: "year", count: 1 }, addons: [{ sku: "phone-pack-20", quantity: 1 }] };
    const scheduled = await order(o, { kind: "scheduled_renewal", cart }, at);
    if (!scheduled.result.ok) throw new Error(scheduled.result.error);
    await pay(o, scheduled.result.orderId, at);
    const orderId = scheduled.result.orderId;
    expect(await cancelScheduledRenewal(handle.db, provider, { orderId, userId: "someone-else", now: at })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await cancelScheduledRenewal(handle.db, provider, { orderId, userId: o.userId, now: at })).toEqual({
      ok: true,
      refunded: "34750.00",
    });
    expect(await cancelScheduledRenewal(handle.db, provider, { orderId, userId: o.userId, now: at })).toEqual({
      ok: false,
      error: "NOT_PENDING",
    });
    expect((await rowsWhere(handle.db, scheduledRenewals, { orderId }))[0]!.status).toBe("cancelled");
    expect((await rowsWhere(handle.db, orders, { id: orderId }))[0]!.status).toBe("partially_refunded");
    expect((await rowsWhere(handle.db, paymentRefunds, { orderId })).map((r) => r.amount)).toEqual(["34750.00"]);
    // The job no longer applies it, and changes are allowed again.
    const after = new Date(bought.getTime() + 400 * DAY);
    expect(await RECURRING.applyScheduledRenewals.run({ db: handle.db, provider }, { now: after, only: { userId: o.userId } })).toEqual({
      applied: 0,
    });
    expect((await order(o, { kind: "add", sku: "large-meeting-500", quantity: 1 }, at)).result.ok).toBe(true);
  });
});
