import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { findPayment } from "@/lib/db/queries/payments";
import { orderEvents, orderRefunds, orders, paymentRefunds, serviceItems } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend, updateRows } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { reconcilePendingPayments } from "@/lib/payments/reconcile";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { createSandboxProvider, sandboxNotification, type SandboxDeliver } from "@/lib/payments/sandbox/provider";
import { startOrderPayment } from "@/lib/payments/start";
import type { PaymentProvider } from "@/lib/payments/types";
import { sampleCheckout } from "@/lib/testing/checkout";
import { goodwillRefund, loadRefundCase, requestRefund } from "./request";
import { refundPreview } from "./rule";

const secret = "sandbox-test-secret-".padEnd(40, "x");
const DAY = 86_400_000;
const bought = new Date("2026-11-02T04:00:00Z");
const asked = new Date(bought.getTime() + 13 * DAY);
const stop = new Date(bought.getTime() + 31 * DAY);

describe(`self-serve refunds through the sandbox on ${testBackend}`, () => {
  let handle: DbHandle;
  /** The gateway's clock: notifications are signed and verified at it. */
  let clock = bought;
  /** What the sandbox does with its refund notifications: delivered in-process, or lost. */
  let notify: SandboxDeliver;
  const deliverIt: SandboxDeliver = (n) => handlePaymentNotification(handle.db, provider, { ...n, now: clock });
  let provider: PaymentProvider;
  beforeAll(async () => {
    handle = await migratedDb();
    provider = createSandboxProvider({ db: async () => handle.db, secret, now: () => clock, notify: (n) => notify(n) });
  });
  afterAll(async () => handle.close());

  /** A business order (30 seats for a year + a 500-person meeting, ¥52,488) placed and paid in the sandbox at `bought`. */
  const paidOrder = async (userId = `buyer-${randomUUID()}`, cart?: Record<string, unknown>) => {
    clock = bought;
    const checkout = sampleCheckout();
    const placed = await placeOrder(handle.db, cart ? { ...checkout, ...cart } : checkout, { userId, locale: "en", now: bought });
    if (!placed.ok) throw new Error(`placeOrder failed: ${placed.error}`);
    const started = await startOrderPayment(handle.db, provider, { orderId: placed.orderId, userId, now: bought });
    if (!started.ok) throw new Error(`startOrderPayment failed: ${started.error}`);
    await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now: bought,
      deliver: (n) => handlePaymentNotification(handle.db, provider, { ...n, now: bought }),
    });
    expect((await rowsWhere(handle.db, orders, { id: placed.orderId }))[0]!.status).toBe("fulfilled");
    return { orderId: placed.orderId, userId, paymentRef: started.paymentRef };
  };
  const orderOf = async (id: string) => (await rowsWhere(handle.db, orders, { id }))[0]!;
  const itemsOf = (orderId: string) => rowsWhere(handle.db, serviceItems, { sourceOrderId: orderId });
  const ask = (o: { orderId: string; userId: string }, now = asked) =>
    requestRefund(handle.db, provider, { orderId: o.orderId, userId: o.userId, reason: "not_needed", note: "no longer needed", now });

  it("refunds a paid business order by the rule: the provider refunds, its notification moves the order and ends the services on day 31", async () => {
    notify = deliverIt;
    const o = await paidOrder();
    clock = asked;
    const found = await loadRefundCase(handle.db, { orderId: o.orderId, userId: o.userId });
    const preview = refundPreview(found!.input, found!.changes, asked);
    // 41,700 × 334/365 = 38,158.36 and 10,788 × 334/365 = 9,871.76.
    expect(preview.ok && preview.preview.refund).toBe("48030.12");
    expect(await ask(o)).toEqual({ ok: true, refund: "48030.12", sent: 1, failed: 0 });

    expect((await orderOf(o.orderId)).status).toBe("partially_refunded");
    const history = await rowsWhere(handle.db, orderEvents, { orderId: o.orderId });
    expect(history.filter((e) => e.toStatus === "partially_refunded").map((e) => [e.fromStatus, e.cause])).toEqual([
      ["fulfilled", "refund_notification"],
    ]);
    for (const item of await itemsOf(o.orderId)) expect(item.expiresAt).toEqual(stop);
    expect((await findPayment(handle.db, { provider: "sandbox", paymentRef: o.paymentRef }))?.status).toBe("refunded");
    const [refund] = await rowsWhere(handle.db, orderRefunds, { orderId: o.orderId });
    expect(refund).toMatchObject({ status: "succeeded", amount: "48030.12", paid: "52488.00", stopAt: stop, reason: "not_needed" });
    expect(await rowsWhere(handle.db, paymentRefunds, { orderId: o.orderId })).toMatchObject([
      { amount: "48030.12", refundRef: refund!.refundRef },
    ]);
    // A second request finds the one refund.
    expect(await ask(o)).toEqual({ ok: false, error: "ALREADY_REQUESTED" });
  });

  it("one refund per order under 10 concurrent confirms: one claim, one provider refund", async () => {
    notify = deliverIt;
    const o = await paidOrder();
    clock = asked;
    const results = await Promise.all(Array.from({ length: 10 }, () => ask(o)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(9).fill("ALREADY_REQUESTED"));
    expect(await rowsWhere(handle.db, orderRefunds, { orderId: o.orderId })).toHaveLength(1);
    expect(await rowsWhere(handle.db, paymentRefunds, { orderId: o.orderId })).toHaveLength(1);
    expect(
      (await rowsWhere(handle.db, orderEvents, { orderId: o.orderId })).filter((e) => e.toStatus === "partially_refunded"),
    ).toHaveLength(1);
  });

  it("a lost refund notification is completed by the reconciliation pass (cause refund_status_query)", async () => {
    notify = async () => {
      throw new Error("the network lost it");
    };
    const o = await paidOrder();
    clock = asked;
    expect(await ask(o)).toMatchObject({ ok: true, sent: 1 });
    expect((await orderOf(o.orderId)).status).toBe("fulfilled");
    expect((await rowsWhere(handle.db, orderRefunds, { orderId: o.orderId }))[0]!.status).toBe("processing");
    expect(await reconcilePendingPayments(handle.db, provider, { now: asked })).toBeGreaterThanOrEqual(1);
    expect((await orderOf(o.orderId)).status).toBe("partially_refunded");
    const moved = (await rowsWhere(handle.db, orderEvents, { orderId: o.orderId })).find((e) => e.toStatus === "partially_refunded");
    expect(moved?.cause).toBe("refund_status_query");
    for (const item of await itemsOf(o.orderId)) expect(item.expiresAt).toEqual(stop);
    // A notification arriving after all changes nothing more.
    await reconcilePendingPayments(handle.db, provider, { now: asked });
    expect(
      (await rowsWhere(handle.db, orderEvents, { orderId: o.orderId })).filter((e) => e.toStatus === "partially_refunded"),
    ).toHaveLength(1);
  });

  it("a provider that fails the refund leaves it requested; the reconciliation pass sends it again under the same key", async () => {
    notify = deliverIt;
    const o = await paidOrder();
    clock = asked;
    const failing: PaymentProvider = {
      ...provider,
      refund: async () => {
        throw new Error("gateway down");
      },
    };
    expect(
      await requestRefund(handle.db, failing, { orderId: o.orderId, userId: o.userId, reason: "quality", note: "", now: asked }),
    ).toMatchObject({
      ok: true,
      sent: 0,
      failed: 1,
    });
    expect((await rowsWhere(handle.db, orderRefunds, { orderId: o.orderId }))[0]!.status).toBe("requested");
    await reconcilePendingPayments(handle.db, provider, { now: asked });
    expect((await orderOf(o.orderId)).status).toBe("partially_refunded");
    expect(await rowsWhere(handle.db, paymentRefunds, { orderId: o.orderId })).toHaveLength(1);
  });

  it("a replayed refund notification is acknowledged and changes nothing", async () => {
    const captured: { headers: Headers; rawBody: string }[] = [];
    notify = async (n) => {
      captured.push(n);
      return deliverIt(n);
    };
    const o = await paidOrder();
    clock = asked;
    await ask(o);
    expect(await deliverIt(captured[0]!)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    // The same refund under a new notification id: nothing left open to complete.
    const again = sandboxNotification({ secret, event: { ...JSON.parse(captured[0]!.rawBody), notificationId: randomUUID() }, now: clock });
    expect(await deliverIt(again)).toEqual({ status: 200, body: { ok: true, ignored: "UNKNOWN_REFUND" } });
    expect(
      (await rowsWhere(handle.db, orderEvents, { orderId: o.orderId })).filter((e) => e.toStatus === "partially_refunded"),
    ).toHaveLength(1);
  });

  it("a change order (capacity added on day 6) is refunded with its parent, and the items it created end at the stop date too", async () => {
    notify = deliverIt;
    const parent = await paidOrder();
    const change = { ...(await paidOrder()), userId: parent.userId };
    // Staged as issue 12 records a change order: the same buyer, its parent and kind, bought on day 6.
    await updateRows(handle.db, orders, { id: change.orderId }, { parentOrderId: parent.orderId, kind: "add", userId: parent.userId });
    const day6 = new Date(bought.getTime() + 5 * DAY);
    await updateRows(handle.db, orderEvents, { orderId: change.orderId }, { at: day6 });
    await updateRows(handle.db, serviceItems, { sourceOrderId: change.orderId }, { startsAt: day6 });
    clock = asked;
    const found = await loadRefundCase(handle.db, { orderId: parent.orderId, userId: parent.userId });
    const preview = refundPreview(found!.input, found!.changes, asked);
    if (!preview.ok) throw new Error("not eligible");
    expect(preview.preview.orders.map((x) => x.orderId)).toEqual([parent.orderId, change.orderId]);
    expect(await ask(parent)).toMatchObject({ ok: true, sent: 2 });
    expect((await orderOf(parent.orderId)).status).toBe("partially_refunded");
    expect((await orderOf(change.orderId)).status).toBe("partially_refunded");
    for (const item of [...(await itemsOf(parent.orderId)), ...(await itemsOf(change.orderId))]) expect(item.expiresAt).toEqual(stop);
    // The change order's own page: refunded with its parent, no button of its own.
    const own = await loadRefundCase(handle.db, { orderId: change.orderId, userId: parent.userId });
    expect(refundPreview(own!.input, own!.changes, asked)).toEqual({ ok: false, reasons: [{ code: "already_refunded" }] });
  });

  it("a change order with nothing paid ends with its parent without asking the provider (cause refund_nothing_to_return)", async () => {
    notify = deliverIt;
    const parent = await paidOrder();
    const change = await paidOrder();
    await updateRows(handle.db, orders, { id: change.orderId }, { parentOrderId: parent.orderId, kind: "raise", userId: parent.userId });
    // Staged: a change a voucher paid for entirely.
    await updateRows(handle.db, serviceItems, { sourceOrderId: change.orderId }, { paidAmount: "0.00" });
    clock = asked;
    expect(await ask(parent)).toMatchObject({ ok: true, refund: "48030.12", sent: 1 });
    expect((await orderOf(change.orderId)).status).toBe("refunded");
    const moved = (await rowsWhere(handle.db, orderEvents, { orderId: change.orderId })).find((e) => e.toStatus === "refunded");
    expect(moved?.cause).toBe("refund_nothing_to_return");
    expect(await rowsWhere(handle.db, paymentRefunds, { orderId: change.orderId })).toHaveLength(0);
    for (const item of await itemsOf(change.orderId)) expect(item.expiresAt).toEqual(stop);
  });

  it("a pro order says why it cannot be refunded; day 32 is too late; a stranger cannot refund it", async () => {
    notify = deliverIt;
    const pro = await paidOrder(undefined, {
      cart: { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] },
      expectedTotal: "2964.00",
    });
    expect(await ask(pro)).toEqual({ ok: false, error: "NOT_ELIGIBLE", reasons: [{ code: "edition", edition: "pro" }] });
    const late = await paidOrder();
    expect(await ask(late, stop)).toEqual({ ok: false, error: "NOT_ELIGIBLE", reasons: [{ code: "too_late", endedAt: stop }] });
    expect(await ask({ ...late, userId: "someone-else" })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await rowsWhere(handle.db, orderRefunds, { orderId: pro.orderId })).toHaveLength(0);
  });

  it("an operator's goodwill refund of an ineligible order: bounded by what was paid, services left running", async () => {
    notify = deliverIt;
    const late = await paidOrder();
    clock = stop;
    const base = { orderId: late.orderId, reason: "service outage on 2026-12-01", operatorId: "operator-1", now: stop };
    expect(await goodwillRefund(handle.db, provider, { ...base, amount: "52488.01" })).toEqual({ ok: false, error: "OVER_PAID" });
    expect(await goodwillRefund(handle.db, provider, { ...base, amount: "500.00" })).toEqual({ ok: true, refund: "500.00" });
    expect((await orderOf(late.orderId)).status).toBe("partially_refunded");
    const year = new Date(bought);
    year.setUTCFullYear(year.getUTCFullYear() + 1);
    for (const item of await itemsOf(late.orderId)) expect(item.expiresAt).toEqual(year);
    expect(await goodwillRefund(handle.db, provider, { ...base, amount: "1.00" })).toEqual({ ok: false, error: "ALREADY_REFUNDED" });
  });
});
