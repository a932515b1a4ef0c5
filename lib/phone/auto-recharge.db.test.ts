import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { getAgreementForOrder, listAgreementCharges } from "@/lib/db/queries/agreements";
import { listNotifications } from "@/lib/notifications";
import { getOrder } from "@/lib/db/queries/orders";
import { appendLedger, getPhoneAccount, ledgerBalanceFen, setGrant, updatePhoneAccount } from "@/lib/db/queries/phone";
import { setSandboxForcedFailures, getSandboxAgreement } from "@/lib/db/queries/sandbox-agreements";
import { phoneCreditLedger } from "@/lib/db/schema";
import { rowsWhere, testBackend } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { openSandboxServers, type SandboxServers } from "@/lib/payments/sandbox/testing";
import { startOrderPayment } from "@/lib/payments/start";
import type { PaymentProvider } from "@/lib/payments/types";
import { sampleCheckout } from "@/lib/testing/checkout";
import { runAutoRecharge, sweepAutoRecharge } from "./auto-recharge";
import { ingestUsage } from "./ingest";

const secret = "sandbox-phone-secret-".padEnd(40, "x");
const now = new Date("2026-12-01T04:00:00Z");

describe(`phone auto-recharge and low-balance alert on ${testBackend}`, () => {
  let handle: DbHandle;
  let second: DbHandle;
  let provider: PaymentProvider;
  let secondProvider: PaymentProvider;
  let servers: SandboxServers;
  beforeAll(async () => {
    servers = await openSandboxServers({ secret, now: () => now });
    ({ handle, second, provider, secondProvider } = servers);
  });
  afterAll(() => servers.close());

  /** An organisation (from a paid order) with an auto-recharge agreement, ¥`credit` of credit, and settings. */
  const setUp = async (credit: string, set: Parameters<typeof updatePhoneAccount>[1]["set"] = {}) => {
    const userId = `buyer-${randomUUID()}`;
    const placed = await placeOrder(handle.db, sampleCheckout(), { userId, locale: "en", now });
    if (!placed.ok) throw new Error(placed.error);
    const started = await startOrderPayment(handle.db, provider, {
      orderId: placed.orderId,
      userId,
      now,
      agreement: { purpose: "auto_recharge", description: "Phone credit auto-recharge" },
    });
    if (!started.ok) throw new Error(started.error);
    const sent: { headers: Headers; rawBody: string }[] = [];
    await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now,
      consent: true,
      deliver: async (n) => sent.push(n),
    });
    for (const n of sent) await handlePaymentNotification(handle.db, provider, { ...n, now });
    const agreement = (await getAgreementForOrder(handle.db, { orderId: placed.orderId }))!;
    const organisationId = (await getOrder(handle.db, { orderId: placed.orderId }))!.organisationId!;
    await setGrant(handle.db, { organisationId, grant: "dial_out", on: true, by: "op", now });
    await appendLedger(handle.db, [{ id: randomUUID(), organisationId, kind: "topup", amount: credit, createdAt: now }]);
    await updatePhoneAccount(handle.db, {
      organisationId,
      now,
      set: {
        agreementId: agreement.id,
        autoRechargeEnabled: true,
        autoRechargeThreshold: "50.00",
        autoRechargeMode: "amount",
        autoRechargeAmount: "100.00",
        autoRechargeMonthlyCap: "250.00",
        ...set,
      },
    });
    return { userId, organisationId, agreement };
  };
  /** Calls that spend `yuan` (dial-out in China, ¥0.25 a minute). */
  const spend = (organisationId: string, yuan: number, db = handle.db) =>
    ingestUsage(db, {
      organisationId,
      now,
      records: [{ callId: randomUUID(), kind: "dial_out", country: "CN", startedAt: now.toISOString(), durationSeconds: yuan * 4 * 60 }],
    });

  it("below the threshold: one charge for one crossing, even from two servers at once and on a repeat", async () => {
    const o = await setUp("60.00");
    await spend(o.organisationId, 20); // 60 → 40: crossed 50
    const results = await Promise.all([
      runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now }),
      runAutoRecharge(second.db, secondProvider, { organisationId: o.organisationId, now }),
    ]);
    expect(results.filter((r) => r.charged && !r.alreadyDone)).toHaveLength(1);
    expect(await runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now })).toEqual({
      charged: false,
      reason: "ABOVE_THRESHOLD",
    });
    expect(await ledgerBalanceFen(handle.db, { organisationId: o.organisationId })).toBe(14000);
    expect(await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o.organisationId, kind: "auto_recharge" })).toHaveLength(1);
    expect(await listAgreementCharges(handle.db, { agreementId: o.agreement.id })).toHaveLength(1);
    expect(await getSandboxAgreement(handle.db, { agreementRef: o.agreement.providerRef })).toBeTruthy();
  });

  it("the monthly cap: the second crossing is cut to what the cap leaves, the third gets nothing", async () => {
    const o = await setUp("60.00", { autoRechargeMonthlyCap: "150.00" });
    await spend(o.organisationId, 20);
    expect(await runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now })).toMatchObject({
      charged: true,
      amount: "100.00",
    });
    await spend(o.organisationId, 100); // 140 → 40
    expect(await runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now })).toMatchObject({
      charged: true,
      amount: "50.00",
    });
    await spend(o.organisationId, 50); // 90 → 40
    expect(await runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now })).toEqual({
      charged: false,
      reason: "CAP_REACHED",
    });
    // The next month the cap starts again.
    const nextMonth = new Date("2027-01-01T00:00:00+08:00");
    expect(await runAutoRecharge(handle.db, provider, { organisationId: o.organisationId, now: nextMonth })).toMatchObject({
      charged: true,
      amount: "100.00",
    });
  });

  it("three failed charges in a row turn it off and tell the admins; a success in between resets the count", async () => {
    const o = await setUp("60.00");
    await spend(o.organisationId, 20);
    const sweep = () => sweepAutoRecharge(handle.db, provider, { now, only: { organisationId: o.organisationId } });
    await setSandboxForcedFailures(handle.db, { agreementRef: o.agreement.providerRef, count: 2 });
    expect(await sweep()).toEqual({ checked: 1, charged: 0, failed: 1 });
    expect(await sweep()).toEqual({ checked: 1, charged: 0, failed: 1 });
    expect((await getPhoneAccount(handle.db, o))!).toMatchObject({ autoRechargeEnabled: true, autoRechargeFailures: 2 });
    expect(await sweep()).toEqual({ checked: 1, charged: 1, failed: 0 }); // the third attempt succeeds: the count starts again
    expect((await getPhoneAccount(handle.db, o))!).toMatchObject({ autoRechargeEnabled: true, autoRechargeFailures: 0 });
    await spend(o.organisationId, 100); // 140 → 40: a new crossing
    await setSandboxForcedFailures(handle.db, { agreementRef: o.agreement.providerRef, count: 5 });
    expect(await sweep()).toEqual({ checked: 1, charged: 0, failed: 1 });
    expect(await sweep()).toEqual({ checked: 1, charged: 0, failed: 1 });
    expect(await sweep()).toEqual({ checked: 1, charged: 0, failed: 1 });
    expect((await getPhoneAccount(handle.db, o))!).toMatchObject({ autoRechargeEnabled: false, autoRechargeFailures: 3 });
    expect(await sweep()).toEqual({ checked: 0, charged: 0, failed: 0 });
    const inbox = await listNotifications(handle.db, { userId: o.userId });
    expect(inbox.items.map((n) => n.messageKey)).toContain("PhoneInbox.autoRechargeOff");
    expect(inbox.items.filter((n) => n.messageKey === "PhoneInbox.autoRechargeOff")).toHaveLength(1);
    expect(await ledgerBalanceFen(handle.db, { organisationId: o.organisationId })).toBe(4000);
  });

  it("the sweep honours only: another organisation below its threshold is left alone", async () => {
    const a = await setUp("60.00");
    const b = await setUp("60.00");
    await spend(a.organisationId, 20);
    await spend(b.organisationId, 20);
    expect(await sweepAutoRecharge(handle.db, provider, { now, only: { userId: a.userId } })).toEqual({
      checked: 1,
      charged: 1,
      failed: 0,
    });
    expect(await ledgerBalanceFen(handle.db, { organisationId: b.organisationId })).toBe(4000);
  });

  it("the low-balance alert: once per crossing, again after a top-up and a new crossing", async () => {
    const o = await setUp("60.00", { autoRechargeEnabled: false, lowBalanceThreshold: "30.00" });
    await spend(o.organisationId, 10); // 50: above
    await spend(o.organisationId, 25); // 25: crossed
    await spend(o.organisationId, 5); // 20: still below, no new alert
    const alerts = async () =>
      (await listNotifications(handle.db, { userId: o.userId })).items.filter((n) => n.messageKey === "PhoneInbox.lowBalance");
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.params).toMatchObject({ threshold: "¥30.00", balance: "¥25.00" });
    await appendLedger(handle.db, [{ id: randomUUID(), organisationId: o.organisationId, kind: "topup", amount: "20.00", createdAt: now }]);
    await spend(o.organisationId, 15); // 40 → 25: crossed again
    expect(await alerts()).toHaveLength(2);
  });
});
