import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { getAgreementForOrder, listAgreementCharges } from "@/lib/db/queries/agreements";
import { getSandboxPayment } from "@/lib/db/queries/payments";
import { getSandboxAgreement, listSandboxAgreementCharges, setSandboxForcedFailures } from "@/lib/db/queries/sandbox-agreements";
import { agreementCharges, notifications, orders, paymentAgreements } from "@/lib/db/schema";
import { rowsWhere, testBackend } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";
import { sampleCheckout } from "@/lib/testing/checkout";
import { cancelAgreement, chargeAgreementOnce, failAgreement, resumePendingAgreementCharges, type ChargeStep } from "./agreements";
import { handlePaymentNotification } from "./notify";
import { reconcilePayment } from "./reconcile";
import { completeSandboxPayment } from "./sandbox/gateway";
import { openSandboxServers, type SandboxServers } from "./sandbox/testing";
import { startOrderPayment } from "./start";
import type { PaymentProvider } from "./types";

// Recurring-payment agreements (issues 14 and 15's platform): the payer's authorisation on the hosted
// page creates an agreement, recorded with the order in the payment's transaction; a period is charged
// exactly once across two servers and across a crash between the provider's charge and its record.
const secret = "sandbox-agreement-secret-".padEnd(40, "x");
const now = new Date("2026-12-01T04:00:00Z");
const AGREEMENT = { purpose: "membership", description: "Quorum member-100, monthly" } as const;

class Crash extends Error {}

describe(`payment agreements on ${testBackend}`, () => {
  let handle: DbHandle;
  /** A second server: its own pool on PostgreSQL; PGlite has one connection per process, so the same handle. */
  let second: DbHandle;
  let provider: PaymentProvider;
  let secondProvider: PaymentProvider;
  let servers: SandboxServers;
  beforeAll(async () => {
    servers = await openSandboxServers({ secret, now: () => now });
    ({ handle, second, provider, secondProvider } = servers);
  });
  afterAll(() => servers.close());

  /** An order paid on the hosted page with the payer's consent; the notification delivered. */
  const paidWithAgreement = async (o: { consent?: boolean; deliver?: boolean } = {}) => {
    const userId = `buyer-${randomUUID()}`;
    const placed = await placeOrder(handle.db, sampleCheckout(), { userId, locale: "en", now });
    if (!placed.ok) throw new Error(`placeOrder failed: ${placed.error}`);
    const started = await startOrderPayment(handle.db, provider, { orderId: placed.orderId, userId, now, agreement: AGREEMENT });
    if (!started.ok) throw new Error(`startOrderPayment failed: ${started.error}`);
    const sent: { headers: Headers; rawBody: string }[] = [];
    const result = await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now,
      consent: o.consent ?? true,
      deliver: async (n) => sent.push(n),
    });
    if (o.deliver !== false) for (const n of sent) await handlePaymentNotification(handle.db, provider, { ...n, now });
    return { userId, orderId: placed.orderId, paymentRef: started.paymentRef, result, sent };
  };
  const agreementOf = async (orderId: string) => (await getAgreementForOrder(handle.db, { orderId }))!;
  const charge = (agreementId: string, over: Partial<Parameters<typeof chargeAgreementOnce>[2]> = {}, p = provider, db = handle.db) =>
    chargeAgreementOnce(db, p, { agreementId, periodKey: "2027-01", attempt: 1, amount: "30.00", description: "January", now, ...over });

  it("asks the payer's consent: without it the payment is not taken and no agreement exists", async () => {
    const o = await paidWithAgreement({ consent: false });
    expect(o.result).toBe("CONSENT_REQUIRED");
    expect(o.sent).toEqual([]);
    expect((await getSandboxPayment(handle.db, { paymentRef: o.paymentRef }))?.status).toBe("pending");
    expect(await getAgreementForOrder(handle.db, { orderId: o.orderId })).toBeUndefined();
  });

  it("paid with consent: the provider creates the agreement, the notification carries it, the app records it with the order", async () => {
    const o = await paidWithAgreement();
    expect(o.result).toMatchObject({ status: "succeeded", agreementRef: expect.stringMatching(/^sba_/) });
    const ref = (o.result as { agreementRef: string }).agreementRef;
    expect(JSON.parse(o.sent[0]!.rawBody)).toMatchObject({ agreementRef: ref });
    expect(await provider.queryPayment({ paymentRef: o.paymentRef })).toMatchObject({ status: "succeeded", agreementRef: ref });
    expect((await rowsWhere(handle.db, orders, { id: o.orderId }))[0]!.status).toBe("fulfilled");
    const agreement = await agreementOf(o.orderId);
    expect(agreement).toMatchObject({
      provider: "sandbox",
      providerRef: ref,
      userId: o.userId,
      purpose: "membership",
      description: AGREEMENT.description,
      status: "active",
      paymentRef: o.paymentRef,
    });
    // The order's organisation (created by fulfilment) is the agreement's.
    expect(agreement.organisationId).toBe((await rowsWhere(handle.db, orders, { id: o.orderId }))[0]!.organisationId);
    // The payer is told in their inbox, with a link to cancel it.
    expect(await rowsWhere(handle.db, notifications, { userId: o.userId })).toMatchObject([
      {
        messageKey: "PlatformAgreements.inbox.created",
        params: { description: AGREEMENT.description },
        href: "/console/agreements",
        readAt: null,
      },
    ]);
    // A replayed notification (and a status query) records, and tells, nothing more.
    await handlePaymentNotification(handle.db, provider, { ...o.sent[0]!, now });
    await reconcilePayment(handle.db, provider, { orderId: o.orderId, now });
    expect(await rowsWhere(handle.db, paymentAgreements, { providerRef: ref })).toHaveLength(1);
    expect(await rowsWhere(handle.db, notifications, { userId: o.userId })).toHaveLength(1);
  });

  it("a lost notification: the status query records the agreement", async () => {
    const o = await paidWithAgreement({ deliver: false });
    expect(await getAgreementForOrder(handle.db, { orderId: o.orderId })).toBeUndefined();
    await reconcilePayment(handle.db, provider, { orderId: o.orderId, now });
    expect(await agreementOf(o.orderId)).toMatchObject({
      status: "active",
      providerRef: (o.result as { agreementRef: string }).agreementRef,
    });
  });

  it("a payment without an agreement asks no consent and reports none", async () => {
    const userId = `buyer-${randomUUID()}`;
    const placed = await placeOrder(handle.db, sampleCheckout(), { userId, locale: "en", now });
    if (!placed.ok) throw new Error(placed.error);
    const started = await startOrderPayment(handle.db, provider, { orderId: placed.orderId, userId, now });
    if (!started.ok) throw new Error(started.error);
    const result = await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now,
      deliver: async () => {},
    });
    expect(result).toEqual({ returnUrl: `/orders/${placed.orderId}`, status: "succeeded" });
    expect(await provider.queryPayment({ paymentRef: started.paymentRef })).toEqual({ status: "succeeded", amount: "52488.00" });
  });

  it("charges a period once; the same period and attempt again changes nothing", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    const first = await charge(a.id);
    expect(first).toMatchObject({
      ok: true,
      alreadyDone: false,
      charge: { status: "succeeded", amount: "30.00", providerChargeRef: expect.stringMatching(/^sbc_/) },
    });
    expect(await charge(a.id)).toMatchObject({
      ok: true,
      alreadyDone: true,
      charge: { id: (first as { charge: { id: string } }).charge.id },
    });
    expect(await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef })).toHaveLength(1);
    // Another period is another charge.
    expect(await charge(a.id, { periodKey: "2027-02" })).toMatchObject({ ok: true, alreadyDone: false, charge: { status: "succeeded" } });
    expect(await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef })).toHaveLength(2);
  });

  it("two servers charging one period at once: one provider charge, both see it", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    const results = await Promise.all([
      charge(a.id, {}, provider, handle.db),
      charge(a.id, {}, secondProvider, second.db),
      charge(a.id, {}, provider, handle.db),
      charge(a.id, {}, secondProvider, second.db),
    ]);
    const charges = await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef });
    expect(charges).toHaveLength(1);
    expect(await rowsWhere(handle.db, agreementCharges, { agreementId: a.id })).toHaveLength(1);
    for (const r of results)
      expect(r).toMatchObject({ ok: true, charge: { status: "succeeded", providerChargeRef: charges[0]!.chargeRef } });
    expect(results.filter((r) => r.ok && !r.alreadyDone).length).toBeGreaterThanOrEqual(1);
  });

  it.each<ChargeStep>(["claimed", "charged"])("a crash after %s: calling again records the one provider charge", async (step) => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    const crash = (at: ChargeStep) => {
      if (at === step) throw new Crash(`killed after ${at}`);
    };
    await expect(charge(a.id, { fault: crash })).rejects.toBeInstanceOf(Crash);
    const [pending] = await listAgreementCharges(handle.db, { agreementId: a.id });
    expect(pending).toMatchObject({ status: "pending", providerChargeRef: null });
    expect(await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef })).toHaveLength(step === "charged" ? 1 : 0);

    const retried = await charge(a.id);
    const made = await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef });
    expect(made).toHaveLength(1);
    expect(retried).toMatchObject({
      ok: true,
      alreadyDone: false,
      charge: { id: pending!.id, status: "succeeded", providerChargeRef: made[0]!.chargeRef },
    });
    expect(made[0]!.idempotencyKey).toBe(pending!.id);
  });

  it("the resume pass finishes a charge a crashed server left pending, without a second charge", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    await expect(
      charge(a.id, {
        fault: (at) => {
          if (at === "charged") throw new Crash("killed");
        },
      }),
    ).rejects.toBeInstanceOf(Crash);
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(
      await resumePendingAgreementCharges(handle.db, provider, { now: later, before: new Date(later.getTime() - 5 * 60_000) }),
    ).toBeGreaterThanOrEqual(1);
    expect(await listAgreementCharges(handle.db, { agreementId: a.id })).toMatchObject([{ status: "succeeded" }]);
    expect(await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef })).toHaveLength(1);
  });

  it("the developer control fails the next N charges; each failure is recorded with its reason, the next attempt succeeds", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    expect(await setSandboxForcedFailures(handle.db, { agreementRef: a.providerRef, count: 2 })).toBe(true);
    expect(await charge(a.id, { attempt: 1 })).toMatchObject({ ok: true, charge: { status: "failed", error: "SANDBOX_DECLINED" } });
    // A failed attempt repeated is the same failure, not a new charge.
    expect(await charge(a.id, { attempt: 1 })).toMatchObject({ ok: true, alreadyDone: true, charge: { status: "failed" } });
    expect(await charge(a.id, { attempt: 2 })).toMatchObject({ ok: true, charge: { status: "failed" } });
    expect(await charge(a.id, { attempt: 3 })).toMatchObject({ ok: true, charge: { status: "succeeded", error: null } });
    expect(await listSandboxAgreementCharges(handle.db, { agreementRef: a.providerRef })).toHaveLength(3);
    expect((await getSandboxAgreement(handle.db, { agreementRef: a.providerRef }))?.failNext).toBe(0);
  });

  it("cancelling cancels at the provider; nothing is charged after it; only the owner may cancel", async () => {
    const o = await paidWithAgreement();
    const a = await agreementOf(o.orderId);
    expect(await cancelAgreement(handle.db, provider, { agreementId: a.id, userId: "someone-else", now })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await cancelAgreement(handle.db, provider, { agreementId: a.id, userId: o.userId, now })).toMatchObject({
      ok: true,
      alreadyEnded: false,
      agreement: { status: "cancelled", cancelledAt: now },
    });
    expect((await getSandboxAgreement(handle.db, { agreementRef: a.providerRef }))?.status).toBe("cancelled");
    expect((await rowsWhere(handle.db, notifications, { userId: o.userId })).map((n) => n.messageKey).sort()).toEqual([
      "PlatformAgreements.inbox.cancelled",
      "PlatformAgreements.inbox.created",
    ]);
    expect(await charge(a.id)).toEqual({ ok: false, error: "NOT_ACTIVE" });
    expect(await rowsWhere(handle.db, agreementCharges, { agreementId: a.id })).toEqual([]);
    // The provider refuses it too, should a caller go around the app's record.
    expect(
      await provider.chargeAgreement({ agreementRef: a.providerRef, amount: "30.00", idempotencyKey: randomUUID(), description: "x" }),
    ).toMatchObject({
      status: "failed",
      failureReason: "AGREEMENT_CANCELLED",
    });
    expect(await cancelAgreement(handle.db, provider, { agreementId: a.id, now })).toMatchObject({ ok: true, alreadyEnded: true });
  });

  it("failAgreement ends it as failed and cancels it at the provider", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    expect(await failAgreement(handle.db, provider, { agreementId: a.id, now })).toBe(true);
    expect((await agreementOf(a.orderId!)).status).toBe("failed");
    expect((await getSandboxAgreement(handle.db, { agreementRef: a.providerRef }))?.status).toBe("cancelled");
    expect(await failAgreement(handle.db, provider, { agreementId: a.id, now })).toBe(false);
  });

  it("refuses a bad amount, and a key reused for another amount", async () => {
    const a = await agreementOf((await paidWithAgreement()).orderId);
    await expect(charge(a.id, { amount: "30" })).rejects.toThrow(/invalid charge amount/);
    await expect(charge(a.id, { amount: "0.00" })).rejects.toThrow(/invalid charge amount/);
    await charge(a.id, { periodKey: "p" });
    await expect(charge(a.id, { periodKey: "p", amount: "31.00" })).rejects.toThrow(/was claimed for 30.00, not 31.00/);
    expect(await charge(randomUUID())).toEqual({ ok: false, error: "NOT_FOUND" });
  });
});
