import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { getAgreementForOrder, listAgreementCharges } from "@/lib/db/queries/agreements";
import { listMemberships, listMembershipOrders } from "@/lib/db/queries/memberships";
import { setSandboxForcedFailures } from "@/lib/db/queries/sandbox-agreements";
import { notifications } from "@/lib/db/schema";
import { rowsWhere, testBackend } from "@/lib/db/testing";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { openSandboxServers, type SandboxServers } from "@/lib/payments/sandbox/testing";
import { startOrderPayment } from "@/lib/payments/start";
import type { PaymentProvider } from "@/lib/payments/types";
import { placeMembershipOrder, renewalAgreement } from "./place";
import { renewMemberships } from "./renew";

const secret = "sandbox-membership-secret-".padEnd(40, "x");
const t0 = new Date("2026-12-01T04:00:00Z");
const HOUR = 3_600_000;
const consents = agreementsFor("membership").map((a) => ({ agreementId: a.id, version: a.version }));

describe(`membership auto-renewal on ${testBackend}`, () => {
  let handle: DbHandle;
  let second: DbHandle;
  let provider: PaymentProvider;
  let secondProvider: PaymentProvider;
  let servers: SandboxServers;
  beforeAll(async () => {
    servers = await openSandboxServers({ secret, now: () => t0 });
    ({ handle, second, provider, secondProvider } = servers);
  });
  afterAll(() => servers.close());

  /** member-100 for a month, continuous monthly, paid on the hosted page with the agreement authorised. */
  async function openAutoRenewing() {
    const userId = randomUUID();
    const placed = await placeMembershipOrder(
      handle.db,
      { type: "open", tier: "member-100", months: 1, autoRenew: true },
      { userId, locale: "zh-CN", now: t0, idempotencyKey: randomUUID(), consents },
    );
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    const started = await startOrderPayment(handle.db, provider, {
      orderId: placed.orderId,
      userId,
      now: t0,
      agreement: renewalAgreement("member-100", "zh-CN")!,
    });
    if (!started.ok) throw new Error(started.error);
    const sent: { headers: Headers; rawBody: string }[] = [];
    await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now: t0,
      consent: true,
      deliver: async (n) => void sent.push(n),
    });
    for (const n of sent) await handlePaymentNotification(handle.db, provider, { ...n, now: t0 });
    const agreement = (await getAgreementForOrder(handle.db, { orderId: placed.orderId }))!;
    const [m] = await listMemberships(handle.db, { userId });
    return { userId, agreement, membership: m! };
  }

  it("charges the next month once before expiry, even when two servers run the pass together", async () => {
    const { userId, agreement, membership } = await openAutoRenewing();
    expect(membership).toMatchObject({ autoRenew: true, agreementOrderId: expect.any(String) });
    expect(membership.expiresAt.toISOString()).toBe("2027-01-01T04:00:00.000Z");
    // Too early: nothing.
    const early = new Date(membership.expiresAt.getTime() - 80 * HOUR);
    expect(await renewMemberships(handle.db, provider, { now: early, only: { userId } })).toMatchObject({ charged: 0 });
    const at = new Date(membership.expiresAt.getTime() - 70 * HOUR);
    const [a, b] = await Promise.all([
      renewMemberships(handle.db, provider, { now: at, only: { userId } }),
      renewMemberships(second.db, secondProvider, { now: at, only: { userId } }),
    ]);
    expect(a.charged + a.applied + b.charged + b.applied).toBeGreaterThanOrEqual(1);
    expect(await listAgreementCharges(handle.db, { agreementId: agreement.id })).toMatchObject([
      { status: "succeeded", attempt: 1, amount: "30.00" },
    ]);
    const [renewed] = await listMemberships(handle.db, { userId });
    expect(renewed!.expiresAt.toISOString()).toBe("2027-02-01T04:00:00.000Z");
    expect(renewed).toMatchObject({ months: 2, paidAmount: "60.00", agreementId: agreement.id, autoRenew: true });
    const orders = await listMembershipOrders(handle.db, { userId });
    expect(orders.map((o) => [o.kind, o.status, o.total])).toEqual([
      ["membership_renewal", "fulfilled", "30.00"],
      ["membership", "fulfilled", "30.00"],
    ]);
    // Once: a later pass at the same time charges nothing (the next period is not due yet).
    expect(await renewMemberships(handle.db, provider, { now: at, only: { userId } })).toMatchObject({ charged: 0, applied: 0 });
    expect(await rowsWhere(handle.db, notifications, { userId, messageKey: "Membership.inbox.renewed" })).toHaveLength(1);
    // Limited to someone else, or to an organisation, the pass touches nothing of this member's.
    expect(
      await renewMemberships(handle.db, provider, { now: new Date(renewed!.expiresAt.getTime() - HOUR), only: { organisationId: "x" } }),
    ).toMatchObject({ charged: 0 });
  });

  it("a failed charge is retried on the schedule and the member told; after the last one the agreement ends and the membership runs out", async () => {
    const { userId, agreement, membership } = await openAutoRenewing();
    await setSandboxForcedFailures(handle.db, { agreementRef: agreement.providerRef, count: 3 });
    const before = (h: number) => new Date(membership.expiresAt.getTime() - h * HOUR);
    expect(await renewMemberships(handle.db, provider, { now: before(71), only: { userId } })).toMatchObject({ failed: 1 });
    // The same attempt is not made twice.
    expect(await renewMemberships(handle.db, provider, { now: before(60), only: { userId } })).toMatchObject({ failed: 0, "not-due": 1 });
    expect(await renewMemberships(handle.db, provider, { now: before(47), only: { userId } })).toMatchObject({ failed: 1 });
    expect(await renewMemberships(handle.db, provider, { now: before(23), only: { userId } })).toMatchObject({ failed: 1 });
    const charges = await listAgreementCharges(handle.db, { agreementId: agreement.id });
    expect(charges.map((c) => [c.attempt, c.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "failed"],
    ]);
    const [m] = await listMemberships(handle.db, { userId });
    expect(m).toMatchObject({ autoRenew: false });
    expect(m!.expiresAt).toEqual(membership.expiresAt);
    expect((await getAgreementForOrder(handle.db, { orderId: membership.agreementOrderId! }))?.status).toBe("failed");
    const notices = await rowsWhere(handle.db, notifications, { userId });
    expect(notices.map((n) => n.messageKey).sort()).toEqual(
      [
        "Membership.inbox.renewalEnded",
        "Membership.inbox.renewalFailed",
        "Membership.inbox.renewalFailed",
        "PlatformAgreements.inbox.created",
      ].sort(),
    );
    expect(await renewMemberships(handle.db, provider, { now: before(1), only: { userId } })).toMatchObject({ charged: 0, failed: 0 });
  });
});
