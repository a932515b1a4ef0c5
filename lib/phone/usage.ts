import { z } from "zod";
import type { PhoneRateCard } from "@/lib/catalog/phone-rates";
import { editionGate, effectivePolicy, fitsFloor, policyAllows, type DenyReason, type OutboundPolicy, type PhoneGrant } from "./access";
import { CALL_KINDS, destinationOf, rateCall, rateVersionAt, type CallKind } from "./rating";

/** The most call records one `POST /api/v1/usage` may carry. */
export const MAX_USAGE_BATCH = 1000;

/** One call record as the meeting service reports it. */
export const usageRecordSchema = z.strictObject({
  callId: z.string().min(1).max(128),
  kind: z.enum(CALL_KINDS),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  startedAt: z.iso.datetime({ offset: true }),
  durationSeconds: z.number().int().min(0).max(86_400),
  member: z.string().min(1).max(128).optional(),
});
export type UsageRecord = z.infer<typeof usageRecordSchema>;

export type InvalidRecord = { index: number; reason: "INVALID_RECORD"; path: string };

/** Parses a batch record by record: the valid ones (with their index) and each malformed one with its index and reason. */
export function parseBatch(records: readonly unknown[]): { valid: { index: number; record: UsageRecord }[]; invalid: InvalidRecord[] } {
  const valid: { index: number; record: UsageRecord }[] = [];
  const invalid: InvalidRecord[] = [];
  records.forEach((raw, index) => {
    const parsed = usageRecordSchema.safeParse(raw);
    if (parsed.success) valid.push({ index, record: parsed.data });
    else invalid.push({ index, reason: "INVALID_RECORD", path: parsed.error.issues[0]?.path.join(".") ?? "" });
  });
  return { valid, invalid };
}

export interface BatchFacts {
  edition: string;
  grants: readonly PhoneGrant[];
  orgPolicy: OutboundPolicy | null;
  memberPolicies: ReadonlyMap<string, OutboundPolicy>;
  balanceFen: number;
  overdraftFen: number;
  /** Call ids already stored for the organisation (replays). */
  known: ReadonlySet<string>;
}

export interface PlannedCall {
  index: number;
  callId: string;
  kind: CallKind;
  country: string;
  member: string | null;
  startedAt: Date;
  durationSeconds: number;
  minutes: number;
  rate: string | null;
  rateVersion: string | null;
  fen: number;
  status: "charged" | "refused";
  reason: DenyReason | null;
}

/**
 * Rates a batch in order against a running balance: a replayed call id (stored before, or earlier
 * in this batch) is acknowledged and not rated again; a call the policy or edition forbids, or with
 * no rate, is stored refused and not charged; a charge that would take the balance past the floor
 * is stored refused (INSUFFICIENT_CREDIT). Pure: the caller stores what it plans under the
 * organisation's lock.
 */
export function planBatch(
  card: PhoneRateCard,
  records: readonly { index: number; record: UsageRecord }[],
  facts: BatchFacts,
): { calls: PlannedCall[]; replayed: { index: number; callId: string }[]; balanceFen: number } {
  const seen = new Set(facts.known);
  const calls: PlannedCall[] = [];
  const replayed: { index: number; callId: string }[] = [];
  let balance = facts.balanceFen;
  for (const { index, record } of records) {
    if (seen.has(record.callId)) {
      replayed.push({ index, callId: record.callId });
      continue;
    }
    seen.add(record.callId);
    const startedAt = new Date(record.startedAt);
    const version = rateVersionAt(card, startedAt);
    const country = version ? destinationOf(version, record.kind, record.country) : (record.country ?? "").toUpperCase();
    const base = {
      index,
      callId: record.callId,
      kind: record.kind,
      country,
      member: record.member ?? null,
      startedAt,
      durationSeconds: record.durationSeconds,
    };
    const refuse = (reason: DenyReason, minutes = Math.ceil(record.durationSeconds / 60)): PlannedCall => ({
      ...base,
      minutes,
      rate: null,
      rateVersion: null,
      fen: 0,
      status: "refused",
      reason,
    });
    const request = { kind: record.kind, country };
    const domestic = version?.domestic ?? "CN";
    const policy = effectivePolicy(facts.orgPolicy, record.member ? facts.memberPolicies.get(record.member) : undefined);
    if (!policyAllows(policy, request, domestic)) {
      calls.push(refuse("POLICY_DENIED"));
      continue;
    }
    const gate = editionGate(request, { edition: facts.edition, grants: facts.grants }, domestic);
    if (gate) {
      calls.push(refuse(gate));
      continue;
    }
    const rated = rateCall(card, { ...record, startedAt });
    if (!rated) {
      calls.push(refuse("UNKNOWN_DESTINATION"));
      continue;
    }
    if (!fitsFloor(balance, facts.overdraftFen, rated.fen)) {
      calls.push({ ...refuse("INSUFFICIENT_CREDIT", rated.minutes), rate: rated.rate, rateVersion: rated.version });
      continue;
    }
    balance -= rated.fen;
    calls.push({
      ...base,
      minutes: rated.minutes,
      rate: rated.rate,
      rateVersion: rated.version,
      fen: rated.fen,
      status: "charged",
      reason: null,
    });
  }
  return { calls, replayed, balanceFen: balance };
}
