import { createHash, randomUUID } from "node:crypto";
import { findTier, membershipCatalog as catalog } from "@/lib/catalog/membership";
import type { Db } from "@/lib/db/client";
import { getAgreementForOrder, listAgreementCharges } from "@/lib/db/queries/agreements";
import { getMembership, listRenewableMemberships, updateMembership } from "@/lib/db/queries/memberships";
import { findOrderByIdempotencyKey, insertOrderEvent, insertOrderLines, insertOrderOnce } from "@/lib/db/queries/orders";
import { findUserById } from "@/lib/db/queries/users";
import type { AgreementChargeRow, MembershipRow } from "@/lib/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/messages";
import { fenToAmount, formatFen, parseFen } from "@/lib/money";
import { notify } from "@/lib/notifications";
import { orderNumber } from "@/lib/orders/create-order";
import { markPaidAndFulfilIn } from "@/lib/orders/fulfil";
import { chargeAgreementOnce, failAgreement } from "@/lib/payments/agreements";
import type { PaymentProvider } from "@/lib/payments/types";
import type { MembershipCart } from "./cart";
import { RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY, renewalAttemptDue, renewalPeriodKey } from "./rules";

const HOUR_MS = 3_600_000;
const MEMBERSHIP_PAGE = "/membership";

export type RenewOutcome = "charged" | "applied" | "failed" | "ended" | "not-due" | "no-agreement";

/** A date as the member reads it (China time, YYYY-MM-DD). */
const chinaDate = (d: Date) => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);

/**
 * One pass of the renewal job (`membership.renew`): every membership with auto-renew on whose expiry is within
 * the first attempt's lead time is charged one month on its agreement, exactly once per period (the agreement
 * charge's key is membership + the expiry it renews, across servers and crashes); a failed charge is retried at
 * the next attempt of the schedule and the member is told; after the last one fails the agreement ends and the
 * membership simply runs out at its expiry. `only.userId` limits the pass to one person.
 */
export async function renewMemberships(
  db: Db,
  provider: PaymentProvider,
  p: { now: Date; only?: { userId?: string; organisationId?: string } },
): Promise<Record<RenewOutcome, number>> {
  const counts: Record<RenewOutcome, number> = { charged: 0, applied: 0, failed: 0, ended: 0, "not-due": 0, "no-agreement": 0 };
  // Memberships are personal: a pass limited to an organisation has none of them.
  if (p.only?.organisationId && !p.only.userId) return counts;
  const lead = RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY[0] * HOUR_MS;
  const rows = await listRenewableMemberships(db, { after: p.now, before: new Date(p.now.getTime() + lead), userId: p.only?.userId });
  for (const row of rows) {
    try {
      counts[await renewOne(db, provider, row, p.now)] += 1;
    } catch (error) {
      // One membership's trouble (a provider that cannot be reached) never stops the others; the next pass retries.
      console.error(`[membership.renew] membership ${row.id} not renewed this pass`, error);
    }
  }
  return counts;
}

async function renewOne(db: Db, provider: PaymentProvider, row: MembershipRow, now: Date): Promise<RenewOutcome> {
  const tier = findTier(catalog, row.tier);
  if (!tier) return "no-agreement";
  let agreementId = row.agreementId;
  if (!agreementId && row.agreementOrderId) {
    agreementId = (await getAgreementForOrder(db, { orderId: row.agreementOrderId }))?.id ?? null;
    if (agreementId) await updateMembership(db, { id: row.id, set: { agreementId }, now });
  }
  if (!agreementId) return "no-agreement";
  const periodKey = renewalPeriodKey(row.id, row.expiresAt);
  const charges = (await listAgreementCharges(db, { agreementId })).filter((c) => c.periodKey === periodKey);
  // Charged already (this pass crashed after the charge, or another server got there): apply it, once.
  const succeeded = charges.find((c) => c.status === "succeeded");
  if (succeeded) return (await applyRenewal(db, row, succeeded, now)) ? "applied" : "not-due";
  const pending = charges.find((c) => c.status === "pending");
  let attempt: number;
  if (pending) attempt = pending.attempt;
  else {
    const due = renewalAttemptDue({ expiresAt: row.expiresAt, now, attemptsMade: charges.filter((c) => c.status === "failed").length });
    if (due === undefined) return "not-due";
    attempt = due + 1;
  }
  const amount = pending?.amount ?? fenToAmount(parseFen(tier.monthPrice));
  const description = `${tier.name[DEFAULT_LOCALE]} · ${periodKey}`;
  const result = await chargeAgreementOnce(db, provider, { agreementId, periodKey, attempt, amount, description, now });
  if (!result.ok) {
    // The payer ended the agreement (or it is gone): no more charges; the paid period stays.
    await updateMembership(db, { id: row.id, set: { autoRenew: false }, now });
    return "ended";
  }
  if (result.charge.status === "succeeded") {
    await applyRenewal(db, row, result.charge, now);
    return "charged";
  }
  const last = attempt >= RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY.length;
  await notify(db, {
    userId: row.userId,
    messageKey: last ? "Membership.inbox.renewalEnded" : "Membership.inbox.renewalFailed",
    params: { size: tier.meetingSize, expires: chinaDate(row.expiresAt), amount: formatFen(parseFen(amount)) },
    href: MEMBERSHIP_PAGE,
    dedupeKey: `membership.renewal-failed:${periodKey}:${attempt}`,
    now,
  });
  if (last) {
    await failAgreement(db, provider, { agreementId, now });
    await updateMembership(db, { id: row.id, set: { autoRenew: false }, now });
  }
  return "failed";
}

/**
 * Records a succeeded renewal charge as a paid membership_renewal order (one per period: its idempotency key
 * is the period's) and fulfils it in the same transaction: the membership gains a month from its expiry and
 * the member is told. False when that period's order was already fulfilled.
 */
async function applyRenewal(db: Db, row: MembershipRow, charge: AgreementChargeRow, now: Date): Promise<boolean> {
  const tier = findTier(catalog, row.tier)!;
  const buyer = await findUserById(db, { id: row.userId });
  const cart: MembershipCart = {
    type: "open",
    tier: tier.id,
    months: 1,
    autoRenew: true,
    renewal: { membershipId: row.id, periodKey: charge.periodKey },
  };
  const idempotencyKey = `renewal:${charge.periodKey}`;
  return db.transaction(async (tx) => {
    const inserted = await insertOrderOnce(tx, {
      id: randomUUID(),
      number: orderNumber(now),
      userId: row.userId,
      idempotencyKey,
      requestHash: createHash("sha256").update(idempotencyKey).digest("hex"),
      kind: "membership_renewal",
      edition: tier.id,
      seats: null,
      organisationId: null,
      cart,
      catalogVersion: catalog.version,
      total: charge.amount,
      organisation: { organisationName: buyer?.name ?? "", contactName: buyer?.name ?? "", mobile: "", email: buyer?.email ?? "" },
      invoice: null,
      locale: DEFAULT_LOCALE,
      createdAt: now,
      updatedAt: now,
    });
    const order = inserted ?? (await findOrderByIdempotencyKey(tx, { userId: row.userId, idempotencyKey }))!;
    if (inserted) {
      await insertOrderLines(tx, [
        {
          orderId: order.id,
          position: 0,
          kind: "seats",
          sku: tier.id,
          name: tier.name[DEFAULT_LOCALE],
          quantity: 1,
          termUnit: "month",
          termCount: 1,
          unitPrice: charge.amount,
          amount: charge.amount,
          formula: translatorFor(DEFAULT_LOCALE)("Membership.line.open", { price: formatFen(parseFen(charge.amount)), months: 1 }),
        },
      ]);
      await insertOrderEvent(tx, { orderId: order.id, from: null, to: "pending_payment", cause: "agreement_renewal", now });
    }
    const paid = await markPaidAndFulfilIn(tx, {
      orderId: order.id,
      paymentRef: charge.providerChargeRef ?? charge.id,
      amount: charge.amount,
      now,
      cause: "agreement_charge",
    });
    if (!paid.ok) throw new Error(`renewal order ${order.id} not fulfilled: ${paid.error}`);
    if (paid.alreadyDone) return false;
    const renewed = await getMembership(tx, { id: row.id });
    await notify(tx, {
      userId: row.userId,
      messageKey: "Membership.inbox.renewed",
      params: {
        size: tier.meetingSize,
        amount: formatFen(parseFen(charge.amount)),
        expires: chinaDate(renewed?.expiresAt ?? row.expiresAt),
      },
      href: MEMBERSHIP_PAGE,
      dedupeKey: `membership.renewed:${charge.periodKey}`,
      now,
    });
    return true;
  });
}
