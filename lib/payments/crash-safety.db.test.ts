import { SAMPLE_CHECKOUT_TOTAL, sampleCheckout } from "@/lib/testing/checkout";
import { listAuditEntries } from "@/lib/db/queries/audit";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { findPayment, getSandboxPayment, listPaymentsNeedingAttention, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { orderEvents, orders, paymentNotifications, paymentRefunds, payments, serviceItems } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend, updateRows } from "@/lib/db/testing";
import { cancelOrder } from "@/lib/orders/state";
import { placeOrder } from "@/lib/orders/place-order";
import type { ApplyStep } from "./apply";
import { handlePaymentNotification } from "./notify";
import { reconcilePendingPayments } from "./reconcile";
import { refundPaymentNeedingAttention } from "./refund";
import { completeSandboxPayment } from "./sandbox/gateway";
import { createSandboxProvider, sandboxNotification } from "./sandbox/provider";
import { startOrderPayment } from "./start";
import type { PaymentProvider } from "./types";

// Issue 11, items 1 and 2: a charge is never lost between the notification's steps, every
// inconsistent state is repaired by the one reconciliation pass, and a wrong amount is refunded.
const secret = "sandbox-crash-secret-".padEnd(40, "x");
const now = new Date("2026-11-22T04:00:00Z");
const TOTAL = SAMPLE_CHECKOUT_TOTAL;
const checkout = sampleCheckout;

class Crash extends Error {}

describe(`payment crash safety on ${testBackend}`, () => {
  let handle: DbHandle;
  let provider: PaymentProvider;
  beforeAll(async () => {
    handle = await migratedDb();
    provider = createSandboxProvider({ db: async () => handle.db, secret, now: () => now });
  });
  afterAll(async () => handle.close());

  /** A placed order with a payment started at the gateway. */
  const paying = async () => {
    const userId = `buyer-${randomUUID()}`;
    const placed = await placeOrder(handle.db, checkout(), { userId, locale: "en", now });
    if (!placed.ok) throw new Error(`placeOrder failed: ${placed.error}`);
    const started = await startOrderPayment(handle.db, provider, { orderId: placed.orderId, userId, now });
    if (!started.ok) throw new Error(`startOrderPayment failed: ${started.error}`);
    return { orderId: placed.orderId, userId, paymentRef: started.paymentRef };
  };
  /** The buyer pays on the hosted page; the notification is captured, not delivered. */
  const settle = async (paymentRef: string, outcome: "succeeded" | "failed" = "succeeded") => {
    const sent: { headers: Headers; rawBody: string }[] = [];
    await completeSandboxPayment(handle.db, { paymentRef, outcome, secret, now, deliver: async (n) => sent.push(n) });
    return sent[0]!;
  };
  const deliver = (n: { headers: Headers; rawBody: string }, fault?: (step: ApplyStep) => void) =>
    handlePaymentNotification(handle.db, provider, { ...n, now, fault });
  const orderOf = async (orderId: string) => (await rowsWhere(handle.db, orders, { id: orderId }))[0]!;
  const paymentOf = async (paymentRef: string) => (await findPayment(handle.db, { provider: "sandbox", paymentRef }))!;
  const paidEvents = async (orderId: string) => (await rowsWhere(handle.db, orderEvents, { orderId })).filter((e) => e.toStatus === "paid");
  const items = (orderId: string) => rowsWhere(handle.db, serviceItems, { sourceOrderId: orderId });

  describe("a crash while a notification is handled commits nothing; the retry completes it once", () => {
    it.each<ApplyStep>(["claimed", "paid", "fulfilled"])("crash after %s", async (step) => {
      const o = await paying();
      const notification = await settle(o.paymentRef);
      const crash = (at: ApplyStep) => {
        if (at === step) throw new Crash(`killed after ${at}`);
      };
      await expect(deliver(notification, crash)).rejects.toBeInstanceOf(Crash);
      // Nothing of the notification survived: not its claim, not the payment's status, not the order's.
      expect(await rowsWhere(handle.db, paymentNotifications, { paymentRef: o.paymentRef })).toEqual([]);
      expect((await paymentOf(o.paymentRef)).status).toBe("pending");
      expect((await orderOf(o.orderId)).status).toBe("pending_payment");
      expect(await items(o.orderId)).toEqual([]);

      // The gateway's retry of the same notification is processed, not taken for a replay.
      expect(await deliver(notification)).toMatchObject({ status: 200, body: { ok: true, fulfilment: { ok: true, alreadyDone: false } } });
      expect((await orderOf(o.orderId)).status).toBe("fulfilled");
      expect((await paymentOf(o.paymentRef)).status).toBe("succeeded");
      expect(await paidEvents(o.orderId)).toHaveLength(1);
      expect(await items(o.orderId)).toHaveLength(2);
      expect(await deliver(notification)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    });

    it("a crash with no retry from the gateway is completed by the reconciliation pass", async () => {
      const o = await paying();
      await expect(
        deliver(await settle(o.paymentRef), (at) => {
          if (at === "claimed") throw new Crash();
        }),
      ).rejects.toBeInstanceOf(Crash);
      await reconcilePendingPayments(handle.db, provider, { now });
      expect((await orderOf(o.orderId)).status).toBe("fulfilled");
      expect((await paidEvents(o.orderId)).map((e) => e.cause)).toEqual(["status_query"]);
      expect(await items(o.orderId)).toHaveLength(2);
    });
  });

  describe("reconcilePendingPayments repairs every inconsistent state", () => {
    it("a payment recorded succeeded whose order is still unpaid (the state the old notify code left)", async () => {
      const o = await paying();
      await settle(o.paymentRef);
      await updateRows(handle.db, payments, { paymentRef: o.paymentRef }, { status: "succeeded" });
      await handle.db
        .insert(paymentNotifications)
        .values({ notificationId: `sandbox:${randomUUID()}`, paymentRef: o.paymentRef, receivedAt: now });
      expect(await reconcilePendingPayments(handle.db, provider, { now })).toBeGreaterThanOrEqual(1);
      expect((await orderOf(o.orderId)).status).toBe("fulfilled");
      expect(await items(o.orderId)).toHaveLength(2);
      expect((await paymentOf(o.paymentRef)).receivedAmount).toBe(TOTAL);
    });

    it("a succeeded payment on an order expired meanwhile is applied as a late payment", async () => {
      const o = await paying();
      await settle(o.paymentRef);
      await updateRows(handle.db, orders, { id: o.orderId }, { status: "expired" });
      await reconcilePendingPayments(handle.db, provider, { now });
      expect((await orderOf(o.orderId)).status).toBe("fulfilled");
      expect((await paidEvents(o.orderId)).map((e) => e.cause)).toEqual(["late_payment"]);
    });

    it("pending payments the provider has settled: a success fulfils, a failure ends the payment", async () => {
      const won = await paying();
      const lost = await paying();
      const waiting = await paying();
      await settle(won.paymentRef);
      await settle(lost.paymentRef, "failed");
      await reconcilePendingPayments(handle.db, provider, { now });
      expect((await orderOf(won.orderId)).status).toBe("fulfilled");
      expect((await paymentOf(lost.paymentRef)).status).toBe("failed");
      expect((await orderOf(lost.orderId)).status).toBe("pending_payment");
      expect((await paymentOf(waiting.paymentRef)).status).toBe("pending");
      expect((await orderOf(waiting.orderId)).status).toBe("pending_payment");
    });

    it("a paid order without its fulfilment is fulfilled, once", async () => {
      const o = await paying();
      await settle(o.paymentRef);
      await updateRows(handle.db, payments, { paymentRef: o.paymentRef }, { status: "succeeded" });
      await updateRows(handle.db, orders, { id: o.orderId }, { status: "paid" });
      await reconcilePendingPayments(handle.db, provider, { now });
      expect((await orderOf(o.orderId)).status).toBe("fulfilled");
      expect(await items(o.orderId)).toHaveLength(2);
      // A second pass finds nothing left to repair for it.
      await reconcilePendingPayments(handle.db, provider, { now });
      expect(await items(o.orderId)).toHaveLength(2);
    });

    it("a consistent database needs no repair", async () => {
      await reconcilePendingPayments(handle.db, provider, { now });
      expect(await reconcilePendingPayments(handle.db, provider, { now })).toBe(0);
    });
  });

  describe("a payment for the wrong amount", () => {
    it("gets its own state, fulfils nothing, is listed for operators and refunded through the provider", async () => {
      const o = await paying();
      const wrong = sandboxNotification({
        secret,
        event: { notificationId: randomUUID(), paymentRef: o.paymentRef, status: "succeeded", amount: "1.00" },
        now,
      });
      expect(await deliver(wrong)).toEqual({ status: 200, body: { ok: true, fulfilment: { ok: false, error: "AMOUNT_MISMATCH" } } });
      expect(await paymentOf(o.paymentRef)).toMatchObject({ status: "amount_mismatch", receivedAmount: "1.00", amount: TOTAL });
      expect((await orderOf(o.orderId)).status).toBe("pending_payment");
      expect(await items(o.orderId)).toEqual([]);
      // Reconciliation leaves it to the operator: still not fulfilled, still a mismatch.
      await reconcilePendingPayments(handle.db, provider, { now });
      expect((await paymentOf(o.paymentRef)).status).toBe("amount_mismatch");
      expect((await orderOf(o.orderId)).status).toBe("pending_payment");

      // On the audit log, written with the payment's status.
      expect(await listAuditEntries(handle.db, { kind: "payment-not-applied", limit: 50, offset: 0 })).toContainEqual(
        expect.objectContaining({
          subject: `sandbox:${o.paymentRef}`,
          after: { orderId: o.orderId, received: "1.00", reason: "AMOUNT_MISMATCH" },
        }),
      );
      const listed = await listPaymentsNeedingAttention(handle.db);
      expect(listed.filter((p) => p.paymentRef === o.paymentRef)).toEqual([
        expect.objectContaining({ orderId: o.orderId, expected: TOTAL, received: "1.00", reason: "amount_mismatch" }),
      ]);

      const refunded = await refundPaymentNeedingAttention(handle.db, provider, { paymentRef: o.paymentRef, operatorId: "op-1", now });
      expect(refunded).toMatchObject({ ok: true, amount: "1.00" });
      if (!refunded.ok) return;
      expect((await paymentOf(o.paymentRef)).status).toBe("refunded");
      expect(await rowsWhere(handle.db, paymentRefunds, { paymentRef: o.paymentRef })).toEqual([
        expect.objectContaining({ refundRef: refunded.refundRef, amount: "1.00", reason: "amount_mismatch", refundedBy: "op-1" }),
      ]);
      expect(await getSandboxPayment(handle.db, { paymentRef: o.paymentRef })).toMatchObject({
        status: "refunded",
        refundRef: refunded.refundRef,
      });
      expect((await listPaymentsNeedingAttention(handle.db)).map((p) => p.paymentRef)).not.toContain(o.paymentRef);
      // Refunded once: a second click refuses, and the provider's retry answers the same reference.
      expect(await refundPaymentNeedingAttention(handle.db, provider, { paymentRef: o.paymentRef, operatorId: "op-1", now })).toEqual({
        ok: false,
        error: "NOT_REFUNDABLE",
      });
      expect(await provider.refund({ paymentRef: o.paymentRef, amount: "1.00", idempotencyKey: `refund:${o.paymentRef}` })).toEqual({
        refundRef: refunded.refundRef,
      });
      // The order stays payable: the buyer's next attempt is a new payment.
      const again = await startOrderPayment(handle.db, provider, { orderId: o.orderId, userId: o.userId, now });
      expect(again).toMatchObject({ ok: true });
      expect((await listPaymentsForOrder(handle.db, { orderId: o.orderId })).map((p) => p.status)).toEqual(["refunded", "pending"]);
    });

    it("an over-payment is a mismatch too; a correct payment is never listed", async () => {
      const over = await paying();
      const right = await paying();
      await deliver(
        sandboxNotification({
          secret,
          event: { notificationId: randomUUID(), paymentRef: over.paymentRef, status: "succeeded", amount: "52488.01" },
          now,
        }),
      );
      await deliver(await settle(right.paymentRef));
      const refs = (await listPaymentsNeedingAttention(handle.db)).map((p) => p.paymentRef);
      expect(refs).toContain(over.paymentRef);
      expect(refs).not.toContain(right.paymentRef);
      expect((await orderOf(over.orderId)).status).toBe("pending_payment");
    });

    it("money taken for an order cancelled meanwhile is listed and refunded in full", async () => {
      const o = await paying();
      const notification = await settle(o.paymentRef);
      expect(await cancelOrder(handle.db, { orderId: o.orderId, userId: o.userId, now })).toEqual({ ok: true });
      expect((await deliver(notification)).body).toMatchObject({ fulfilment: { ok: false, error: "NOT_PAYABLE" } });
      expect((await paymentOf(o.paymentRef)).status).toBe("succeeded");
      expect((await listPaymentsNeedingAttention(handle.db)).find((p) => p.paymentRef === o.paymentRef)).toMatchObject({
        reason: "order_cancelled",
        expected: TOTAL,
        received: TOTAL,
      });
      expect(await refundPaymentNeedingAttention(handle.db, provider, { paymentRef: o.paymentRef, operatorId: "op-1", now })).toMatchObject(
        {
          ok: true,
          amount: TOTAL,
        },
      );
      expect((await orderOf(o.orderId)).status).toBe("cancelled");
      expect(await items(o.orderId)).toEqual([]);
    });

    it("a payment that took the right amount is not refundable here", async () => {
      const o = await paying();
      await deliver(await settle(o.paymentRef));
      expect(await refundPaymentNeedingAttention(handle.db, provider, { paymentRef: o.paymentRef, operatorId: "op-1", now })).toEqual({
        ok: false,
        error: "NOT_REFUNDABLE",
      });
      expect(await refundPaymentNeedingAttention(handle.db, provider, { paymentRef: "sbp_nope", operatorId: "op-1", now })).toEqual({
        ok: false,
        error: "NOT_FOUND",
      });
    });
  });
});
