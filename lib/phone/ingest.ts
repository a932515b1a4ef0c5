import { randomUUID } from "node:crypto";
import { phoneRateCard, type PhoneRateCard } from "@/lib/catalog/phone-rates";
import type { Db } from "@/lib/db/client";
import {
  appendLedger,
  insertCalls,
  knownCallIds,
  ledgerBalanceFen,
  lockPhoneAccount,
  memberPolicies,
  phoneFacts,
  type NewLedgerEntry,
  type NewPhoneCall,
} from "@/lib/db/queries/phone";
import { fenToAmount, formatFen, parseFen } from "@/lib/money";
import { notifyOrganisationAdmins } from "@/lib/notifications";
import { crossedBelow } from "./recharge";
import { authorizeCall, type AuthorizeDecision } from "./authorize";
import type { CallKind } from "./rating";
import { parseBatch, planBatch, type InvalidRecord } from "./usage";

export type UsageResult =
  | { index: number; callId: string; status: "charged"; amount: string; minutes: number; rate: string }
  | { index: number; callId: string; status: "refused"; reason: string }
  | { index: number; callId: string; status: "replayed" };

export interface IngestOutcome {
  results: UsageResult[];
  errors: InvalidRecord[];
  balanceBeforeFen: number;
  balanceAfterFen: number;
}

/**
 * Ingests a batch of call records for one organisation in one transaction: the organisation's
 * phone account row is locked first, so concurrent batches (on any server) are rated one after
 * another against the committed balance and never overdraw; known call ids are replays; the new
 * calls are stored in one insert and their charges in one ledger insert.
 */
export async function ingestUsage(
  db: Db,
  params: { organisationId: string; records: readonly unknown[]; now: Date; card?: PhoneRateCard },
): Promise<IngestOutcome | null> {
  const card = params.card ?? phoneRateCard;
  const { organisationId, now } = params;
  const { valid, invalid } = parseBatch(params.records);
  return db.transaction(async (tx) => {
    const facts = await phoneFacts(tx, { organisationId });
    if (!facts) return null;
    const account = await lockPhoneAccount(tx, { organisationId });
    const balanceBeforeFen = await ledgerBalanceFen(tx, { organisationId });
    const callIds = [...new Set(valid.map((v) => v.record.callId))];
    const members = [...new Set(valid.flatMap((v) => (v.record.member ? [v.record.member] : [])))];
    const plan = planBatch(card, valid, {
      edition: facts.edition,
      grants: facts.grants,
      orgPolicy: account.outboundPolicy ?? null,
      memberPolicies: await memberPolicies(tx, { organisationId, members }),
      balanceFen: balanceBeforeFen,
      overdraftFen: parseFen(account.overdraft),
      known: await knownCallIds(tx, { organisationId, callIds }),
    });
    const calls: NewPhoneCall[] = plan.calls.map((c) => ({
      id: randomUUID(),
      organisationId,
      callId: c.callId,
      kind: c.kind,
      country: c.country,
      member: c.member,
      startedAt: c.startedAt,
      durationSeconds: c.durationSeconds,
      minutes: c.minutes,
      rate: c.rate,
      rateVersion: c.rateVersion,
      amount: fenToAmount(c.fen),
      status: c.status,
      reason: c.reason,
      receivedAt: now,
    }));
    const ledger: NewLedgerEntry[] = plan.calls
      .filter((c) => c.status === "charged")
      .map((c) => ({
        id: randomUUID(),
        organisationId,
        kind: "call",
        amount: fenToAmount(-c.fen),
        callId: c.callId,
        callKind: c.kind,
        country: c.country,
        minutes: c.minutes,
        rate: c.rate,
        createdAt: now,
      }));
    await insertCallsAndLedger(tx, calls, ledger);
    // The low-balance alert: once per crossing (the crossing batch's first charge names it), committed with the charges.
    const threshold = account.lowBalanceThreshold === null ? null : parseFen(account.lowBalanceThreshold);
    if (threshold !== null && ledger.length && crossedBelow(balanceBeforeFen, plan.balanceFen, threshold)) {
      await notifyOrganisationAdmins(tx, {
        organisationId,
        messageKey: "PhoneInbox.lowBalance",
        params: { organisation: facts.name, threshold: formatFen(threshold), balance: formatFen(plan.balanceFen) },
        href: "/console/phone",
        dedupeKey: `phone.low-balance:${organisationId}:${ledger[0]!.id}`,
        now,
      });
    }
    const results: UsageResult[] = [
      ...plan.calls.map((c): UsageResult =>
        c.status === "charged"
          ? { index: c.index, callId: c.callId, status: "charged", amount: fenToAmount(c.fen), minutes: c.minutes, rate: c.rate! }
          : { index: c.index, callId: c.callId, status: "refused", reason: c.reason! },
      ),
      ...plan.replayed.map((r): UsageResult => ({ ...r, status: "replayed" })),
    ].sort((a, b) => a.index - b.index);
    return { results, errors: invalid, balanceBeforeFen, balanceAfterFen: plan.balanceFen };
  });
}

async function insertCallsAndLedger(tx: Db, calls: NewPhoneCall[], ledger: NewLedgerEntry[]) {
  // Under the account lock no other batch of this organisation can insert the same call ids; the
  // unique key still guards it: a skipped row would mean a bug, so it aborts the whole batch.
  for (let i = 0; i < calls.length; i += 500) {
    const chunk = calls.slice(i, i + 500);
    const inserted = await insertCalls(tx, chunk);
    if (inserted.size !== chunk.length) throw new Error("call id stored twice under the account lock");
  }
  for (let i = 0; i < ledger.length; i += 500) await appendLedger(tx, ledger.slice(i, i + 500));
}

/** `POST /api/v1/calls/authorize` for one organisation: the facts from the database, the decision from lib/phone. */
export async function authorizeForOrganisation(
  db: Db,
  params: { organisationId: string; kind: CallKind; country?: string | null; member?: string | null; now: Date; card?: PhoneRateCard },
): Promise<AuthorizeDecision | null> {
  const facts = await phoneFacts(db, { organisationId: params.organisationId });
  if (!facts) return null;
  const policies = params.member
    ? await memberPolicies(db, { organisationId: params.organisationId, members: [params.member] })
    : new Map();
  return authorizeCall(
    params.card ?? phoneRateCard,
    { kind: params.kind, country: params.country },
    {
      edition: facts.edition,
      grants: facts.grants,
      orgPolicy: facts.orgPolicy,
      memberPolicy: params.member ? (policies.get(params.member) ?? null) : null,
      balanceFen: await ledgerBalanceFen(db, { organisationId: params.organisationId }),
      overdraftFen: parseFen(facts.overdraft),
    },
    params.now,
  );
}
