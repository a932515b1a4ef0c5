import type { Db } from "@/lib/db/client";
import { getAgreement } from "@/lib/db/queries/agreements";
import {
  appendLedgerOnce,
  autoRechargeCandidates,
  autoRechargedSinceFen,
  getPhoneAccount,
  lastCreditSeq,
  ledgerBalanceFen,
  phoneFacts,
  recordAutoRechargeAttempt,
} from "@/lib/db/queries/phone";
import { fenToAmount, formatFen, parseFen } from "@/lib/money";
import { notifyOrganisationAdmins } from "@/lib/notifications";
import { chargeAgreementOnce, failAgreement } from "@/lib/payments/agreements";
import type { PaymentProvider } from "@/lib/payments/types";
import { afterAttempt, MAX_FAILURES, rechargeDecision, type AutoRechargeSettings } from "./recharge";

export type AutoRechargeOutcome =
  | { charged: false; reason: "OFF" | "NO_AGREEMENT" | "DISABLED" | "ABOVE_THRESHOLD" | "CAP_REACHED" | "NOT_ACTIVE" }
  | { charged: true; amount: string; alreadyDone: boolean }
  | { charged: false; reason: "FAILED"; failures: number; turnedOff: boolean };

/** The start of `now`'s calendar month in China time (the cap's month). */
export function chinaMonthStart(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000);
}

export function settingsOf(account: NonNullable<Awaited<ReturnType<typeof getPhoneAccount>>>): AutoRechargeSettings {
  return {
    enabled: account.autoRechargeEnabled,
    thresholdFen: parseFen(account.autoRechargeThreshold ?? "0"),
    mode: account.autoRechargeMode ?? "amount",
    amountFen: parseFen(account.autoRechargeAmount ?? "0"),
    targetFen: parseFen(account.autoRechargeTarget ?? "0"),
    monthlyCapFen: parseFen(account.autoRechargeMonthlyCap ?? "0"),
    consecutiveFailures: account.autoRechargeFailures,
  };
}

/**
 * One auto-recharge check of an organisation (after usage, on enabling, and in the sweep). Below
 * the threshold it charges the payment agreement once per crossing: the crossing is named by the
 * newest credit line before it (a recharge adds a credit, so the next crossing has a new name),
 * the attempt by the failures so far; `chargeAgreementOnce` makes one provider charge per
 * (crossing, attempt) across servers and crashes, and the credit line's id is the charge's id, so
 * it is added once. The third failure in a row turns auto-recharge off and tells the admins.
 */
export async function runAutoRecharge(
  db: Db,
  provider: PaymentProvider,
  params: { organisationId: string; now: Date },
): Promise<AutoRechargeOutcome> {
  const { organisationId, now } = params;
  const account = await getPhoneAccount(db, { organisationId });
  if (!account?.autoRechargeEnabled) return { charged: false, reason: "OFF" };
  if (!account.agreementId) return { charged: false, reason: "NO_AGREEMENT" };
  const settings = settingsOf(account);
  // The crossing is read BEFORE the balance: a server that sees another's recharge line in the crossing also sees it
  // in the balance (above the threshold, no charge); one that does not shares that server's key (one charge). Read the
  // other way round, a recharge landing between the two reads gave a below-threshold balance with a new key: two charges.
  const crossing = await lastCreditSeq(db, { organisationId });
  const balance = await ledgerBalanceFen(db, { organisationId });
  const decision = rechargeDecision(settings, balance, await autoRechargedSinceFen(db, { organisationId, since: chinaMonthStart(now) }));
  if (!decision.charge) return { charged: false, reason: decision.reason };
  const amount = fenToAmount(decision.amountFen);
  const result = await chargeAgreementOnce(db, provider, {
    agreementId: account.agreementId,
    periodKey: `phone:${organisationId}:after-credit-${crossing}`,
    attempt: settings.consecutiveFailures + 1,
    amount,
    description: `Phone credit auto-recharge ${amount}`,
    now,
  });
  if (!result.ok) return { charged: false, reason: "NOT_ACTIVE" };
  const facts = await phoneFacts(db, { organisationId });
  const organisation = facts?.name ?? "";
  if (result.charge.status === "succeeded") {
    const added = await appendLedgerOnce(db, {
      id: result.charge.id,
      organisationId,
      kind: "auto_recharge",
      amount: result.charge.amount,
      note: `agreement ${account.agreementId}`,
      createdAt: now,
    });
    if (added) {
      await recordAutoRechargeAttempt(db, { organisationId, failures: 0, enabled: true, now });
      await notifyOrganisationAdmins(db, {
        organisationId,
        messageKey: "PhoneInbox.autoRecharged",
        params: { organisation, amount: formatFen(parseFen(result.charge.amount)) },
        href: "/console/phone",
        dedupeKey: `phone.auto-recharged:${result.charge.id}`,
        now,
      });
    }
    return { charged: true, amount: result.charge.amount, alreadyDone: !added };
  }
  // Failed: only the caller that recorded it counts it (another server's repeat sees alreadyDone).
  if (result.alreadyDone) return { charged: false, reason: "FAILED", failures: settings.consecutiveFailures, turnedOff: false };
  const next = afterAttempt(settings, false);
  await recordAutoRechargeAttempt(db, { organisationId, failures: next.consecutiveFailures, enabled: next.enabled, now });
  if (next.turnedOff) {
    await failAgreement(db, provider, { agreementId: account.agreementId, now });
    await notifyOrganisationAdmins(db, {
      organisationId,
      messageKey: "PhoneInbox.autoRechargeOff",
      params: { organisation, failures: MAX_FAILURES },
      href: "/console/phone",
      dedupeKey: `phone.auto-recharge-off:${result.charge.id}`,
      now,
    });
  }
  return { charged: false, reason: "FAILED", failures: next.consecutiveFailures, turnedOff: next.turnedOff };
}

/** The sweep (RECURRING "phone.auto-recharge"): every organisation with auto-recharge on, or only the one/the owner's given. */
export async function sweepAutoRecharge(
  db: Db,
  provider: PaymentProvider,
  params: { now: Date; only?: { userId?: string; organisationId?: string } },
): Promise<{ checked: number; charged: number; failed: number }> {
  const ids = await autoRechargeCandidates(db, { organisationId: params.only?.organisationId, ownerUserId: params.only?.userId });
  let [charged, failed] = [0, 0];
  for (const organisationId of ids) {
    const r = await runAutoRecharge(db, provider, { organisationId, now: params.now });
    if (r.charged && !r.alreadyDone) charged++;
    if (!r.charged && r.reason === "FAILED") failed++;
  }
  return { checked: ids.length, charged, failed };
}

/** The organisation's agreement for auto-recharge, if it is active and its own. */
export async function usableAgreement(db: Db, params: { organisationId: string; agreementId: string }) {
  const a = await getAgreement(db, { agreementId: params.agreementId });
  return a && a.organisationId === params.organisationId && a.status === "active" && a.purpose === "auto_recharge" ? a : null;
}
