import { sampleCheckout } from "@/lib/testing/checkout";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { findPayment, getSandboxPayment, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { orderEvents, orders, paymentNotifications } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";
import { handlePaymentNotification } from "./notify";
import { reconcilePayment, reconcilePendingPayments } from "./reconcile";
import { completeSandboxPayment, type SandboxOutcome } from "./sandbox/gateway";
import { createSandboxProvider, sandboxNotification } from "./sandbox/provider";
import { startOrderPayment } from "./start";
import type { PaymentProvider } from "./types";

const secret = "sandbox-test-secret-".padEnd(40, "x");
const now = new Date("2026-11-22T04:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const checkout = sampleCheckout;

describe(`payments with the sandbox gateway on ${testBackend}`, () => {
  let handle: DbHandle;
  let provider: PaymentProvider;
  beforeAll(async () => {
    handle = await migratedDb();
    provider = createSandboxProvider({ db: async () => handle.db, secret, now: () => now });
  });
  afterAll(async () => handle.close());

  const newOrder = async (userId = `buyer-${randomUUID()}`) => {
    const placed = await placeOrder(handle.db, checkout(), { userId, locale: "en", now });
    if (!placed.ok) throw new Error(`placeOrder failed: ${placed.error}`);
    return { orderId: placed.orderId, userId };
  };
  const start = async (o: { orderId: string; userId: string }, p: PaymentProvider = provider) => {
    const started = await startOrderPayment(handle.db, p, { ...o, now });
    if (!started.ok) throw new Error(`startOrderPayment failed: ${started.error}`);
    return started;
  };
  /** The buyer's choice on the hosted page; the notification is captured instead of delivered. */
  const settle = async (paymentRef: string, outcome: SandboxOutcome) => {
    const sent: { headers: Headers; rawBody: string }[] = [];
    await completeSandboxPayment(handle.db, { paymentRef, outcome, secret, now, deliver: async (n) => sent.push(n) });
    expect(sent).toHaveLength(1);
    return sent[0]!;
  };
  const deliver = (n: { headers: Headers; rawBody: string }, at = now) => handlePaymentNotification(handle.db, provider, { ...n, now: at });
  const orderOf = async (orderId: string) => (await rowsWhere(handle.db, orders, { id: orderId }))[0]!;
  const events = (orderId: string) => rowsWhere(handle.db, orderEvents, { orderId });

  it("sends the gateway the order's stored total, to the fen, and redirects to the hosted page", async () => {
    const o = await newOrder();
    const amounts: string[] = [];
    const spy: PaymentProvider = { ...provider, createPayment: (p) => (amounts.push(p.amount), provider.createPayment(p)) };
    const started = await start(o, spy);
    expect(amounts).toEqual([(await orderOf(o.orderId)).total]);
    expect(amounts).toEqual(["52488.00"]);
    expect(started.redirectUrl).toBe(`/pay/sandbox/${started.paymentRef}`);
    expect(await getSandboxPayment(handle.db, { paymentRef: started.paymentRef })).toMatchObject({
      amount: "52488.00",
      status: "pending",
      returnUrl: `/orders/${o.orderId}`,
    });
    // A double click resumes the same payment.
    expect((await start(o)).paymentRef).toBe(started.paymentRef);
  });

  it("refuses to start a payment for someone else's order", async () => {
    const o = await newOrder();
    expect(await startOrderPayment(handle.db, provider, { orderId: o.orderId, userId: "someone-else", now })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
  });

  it("fulfils once when a notification is replayed 10 times", async () => {
    const o = await newOrder();
    const { paymentRef } = await start(o);
    const notification = await settle(paymentRef, "succeeded");
    const first = await deliver(notification);
    expect(first).toMatchObject({ status: 200, body: { ok: true, fulfilment: { ok: true } } });
    const replays = await Promise.all(Array.from({ length: 9 }, () => deliver(notification)));
    for (const r of replays) expect(r).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    // The gateway resending the same outcome under a new notification id changes nothing either.
    const resent = sandboxNotification({ secret, event: { ...JSON.parse(notification.rawBody), notificationId: randomUUID() }, now });
    expect((await deliver(resent)).status).toBe(200);

    const history = await events(o.orderId);
    expect(history.filter((e) => e.toStatus === "paid")).toHaveLength(1);
    expect(history.find((e) => e.toStatus === "paid")?.cause).toBe("payment_notification");
    expect(["paid", "fulfilled"]).toContain((await orderOf(o.orderId)).status);
    expect((await findPayment(handle.db, { provider: "sandbox", paymentRef }))?.status).toBe("succeeded");
  });

  it("refuses a forged signature and changes nothing", async () => {
    const o = await newOrder();
    const { paymentRef } = await start(o);
    const genuine = await settle(paymentRef, "succeeded");
    const forged = sandboxNotification({ secret: "attacker-secret".padEnd(40, "!"), event: JSON.parse(genuine.rawBody), now });
    expect(await deliver(forged)).toEqual({ status: 400, body: { ok: false, error: "BAD_SIGNATURE" } });
    const tampered = { headers: genuine.headers, rawBody: genuine.rawBody.replace("52488.00", "1.00") };
    expect(await deliver(tampered)).toEqual({ status: 400, body: { ok: false, error: "BAD_SIGNATURE" } });
    expect((await orderOf(o.orderId)).status).toBe("pending_payment");
    expect((await events(o.orderId)).map((e) => e.toStatus)).toEqual(["pending_payment"]);
    expect(await rowsWhere(handle.db, paymentNotifications, { paymentRef })).toEqual([]);
    expect((await findPayment(handle.db, { provider: "sandbox", paymentRef }))?.status).toBe("pending");
  });

  it("refuses a notification signed more than 300 s ago, and malformed bodies", async () => {
    const o = await newOrder();
    const { paymentRef } = await start(o);
    const notification = await settle(paymentRef, "succeeded");
    expect(await deliver(notification, later(301))).toEqual({ status: 400, body: { ok: false, error: "STALE" } });
    const bad = sandboxNotification({ secret, event: { notificationId: "n", paymentRef, status: "succeeded", amount: "52488" }, now });
    expect(await deliver(bad)).toEqual({ status: 400, body: { ok: false, error: "MALFORMED" } });
    expect((await orderOf(o.orderId)).status).toBe("pending_payment");
    // Still within the window, the same notification is accepted.
    expect((await deliver(notification, later(300))).body).toMatchObject({ ok: true, fulfilment: { ok: true } });
  });

  it("completes an order whose notification was lost, by querying the gateway", async () => {
    const o = await newOrder();
    const { paymentRef } = await start(o);
    await settle(paymentRef, "succeeded"); // never delivered
    expect((await orderOf(o.orderId)).status).toBe("pending_payment");
    expect(await reconcilePayment(handle.db, provider, { orderId: o.orderId, now })).toMatchObject({
      outcome: "APPLIED",
      paymentRef,
      fulfilment: { ok: true },
    });
    expect(["paid", "fulfilled"]).toContain((await orderOf(o.orderId)).status);
    expect((await events(o.orderId)).find((e) => e.toStatus === "paid")?.cause).toBe("status_query");
    expect(await reconcilePayment(handle.db, provider, { orderId: o.orderId, now })).toEqual({ outcome: "NOT_PENDING" });
  });

  it("the start-up sweep completes every order with a lost notification", async () => {
    const a = await newOrder();
    const b = await newOrder();
    await settle((await start(a)).paymentRef, "succeeded");
    await start(b); // still pending at the gateway
    // Earlier tests in this database left other lost notifications (the forged-signature order): at least a.
    expect(await reconcilePendingPayments(handle.db, provider, { now })).toBeGreaterThanOrEqual(1);
    expect(["paid", "fulfilled"]).toContain((await orderOf(a.orderId)).status);
    expect((await orderOf(b.orderId)).status).toBe("pending_payment");
    expect(await reconcilePendingPayments(handle.db, provider, { now })).toBe(0);
  });

  it("a failed or cancelled payment leaves the order payable, and the retry is a new payment", async () => {
    const o = await newOrder();
    const first = await start(o);
    expect((await deliver(await settle(first.paymentRef, "failed"))).status).toBe(200);
    expect((await orderOf(o.orderId)).status).toBe("pending_payment");
    const second = await start(o);
    expect(second.paymentRef).not.toBe(first.paymentRef);
    // A cancellation whose notification was lost is learned when the buyer tries again.
    await settle(second.paymentRef, "cancelled");
    const third = await start(o);
    expect(new Set([first.paymentRef, second.paymentRef, third.paymentRef]).size).toBe(3);
    const keys = (await listPaymentsForOrder(handle.db, { orderId: o.orderId })).map((p) => [p.idempotencyKey, p.status]);
    expect(keys).toEqual([
      [`${o.orderId}:0`, "failed"],
      [`${o.orderId}:1`, "cancelled"],
      [`${o.orderId}:2`, "pending"],
    ]);
    expect((await events(o.orderId)).map((e) => e.toStatus)).toEqual(["pending_payment"]);
    // An ended payment cannot be paid afterwards on the hosted page.
    const none: unknown[] = [];
    await completeSandboxPayment(handle.db, {
      paymentRef: first.paymentRef,
      outcome: "succeeded",
      secret,
      now,
      deliver: async (n) => none.push(n),
    });
    expect(none).toEqual([]);
    expect(await rowsWhere(handle.db, orders, { id: o.orderId, status: "pending_payment" })).toHaveLength(1);
  });
});
