import { and, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  apiKeys,
  organisations,
  phoneAccounts,
  phoneCalls,
  phoneCreditLedger,
  phoneGrants,
  phoneMemberPolicies,
  type ApiKeyRow,
  type PhoneAccountRow,
  type PhoneCreditEntryRow,
} from "../schema";

export type NewPhoneCall = typeof phoneCalls.$inferInsert;
export type NewLedgerEntry = typeof phoneCreditLedger.$inferInsert;
type Policy = "any" | "domestic" | "none";

/** Creates the organisation's phone account row (settings + the row charges lock) when it has none. */
export async function ensurePhoneAccount(db: Db, params: { organisationId: string }): Promise<void> {
  await db.insert(phoneAccounts).values({ organisationId: params.organisationId }).onConflictDoNothing();
}

/** The phone account, or null. */
export async function getPhoneAccount(db: Db, params: { organisationId: string }): Promise<PhoneAccountRow | null> {
  const [row] = await db.select().from(phoneAccounts).where(eq(phoneAccounts.organisationId, params.organisationId));
  return row ?? null;
}

/**
 * Inside a transaction: locks the organisation's phone account row (created first if missing) so
 * every charge of the organisation is judged after the previous one committed; returns it.
 */
export async function lockPhoneAccount(tx: Db, params: { organisationId: string }): Promise<PhoneAccountRow> {
  await ensurePhoneAccount(tx, params);
  const [row] = await tx.select().from(phoneAccounts).where(eq(phoneAccounts.organisationId, params.organisationId)).for("update");
  if (!row) throw new Error(`no phone account for ${params.organisationId}`);
  return row;
}

/** The ledger's sum in fen (exact: the column has two places). */
export async function ledgerBalanceFen(db: Db, params: { organisationId: string }): Promise<number> {
  const [row] = await db
    .select({ fen: sql<string>`coalesce(sum(${phoneCreditLedger.amount}) * 100, 0)::bigint::text` })
    .from(phoneCreditLedger)
    .where(eq(phoneCreditLedger.organisationId, params.organisationId));
  return Number(row?.fen ?? 0);
}

/** What gates and policies need: the edition, grants, the organisation's policy and overdraft. */
export async function phoneFacts(
  db: Db,
  params: { organisationId: string },
): Promise<{ name: string; edition: string; grants: ("dial_out" | "overseas")[]; orgPolicy: Policy | null; overdraft: string } | null> {
  const [org] = await db
    .select({
      name: organisations.name,
      edition: organisations.edition,
      policy: phoneAccounts.outboundPolicy,
      overdraft: phoneAccounts.overdraft,
    })
    .from(organisations)
    .leftJoin(phoneAccounts, eq(phoneAccounts.organisationId, organisations.id))
    .where(eq(organisations.id, params.organisationId));
  if (!org) return null;
  const grants = await db
    .select({ grant: phoneGrants.grant })
    .from(phoneGrants)
    .where(eq(phoneGrants.organisationId, params.organisationId));
  return {
    name: org.name,
    edition: org.edition,
    grants: grants.map((g) => g.grant),
    orgPolicy: org.policy ?? null,
    overdraft: org.overdraft ?? "0.00",
  };
}

/** Members' own policies, for the given members (all when none given). */
export async function memberPolicies(db: Db, params: { organisationId: string; members?: string[] }): Promise<Map<string, Policy>> {
  if (params.members && params.members.length === 0) return new Map();
  const rows = await db
    .select()
    .from(phoneMemberPolicies)
    .where(
      and(
        eq(phoneMemberPolicies.organisationId, params.organisationId),
        params.members ? inArray(phoneMemberPolicies.member, params.members) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.member, r.policy]));
}

export async function listMemberPolicies(db: Db, params: { organisationId: string }) {
  return db
    .select()
    .from(phoneMemberPolicies)
    .where(eq(phoneMemberPolicies.organisationId, params.organisationId))
    .orderBy(phoneMemberPolicies.member);
}

/** Sets (or with null clears) a member's override. */
export async function setMemberPolicy(db: Db, params: { organisationId: string; member: string; policy: Policy | null }): Promise<void> {
  if (params.policy === null) {
    await db
      .delete(phoneMemberPolicies)
      .where(and(eq(phoneMemberPolicies.organisationId, params.organisationId), eq(phoneMemberPolicies.member, params.member)));
    return;
  }
  await db
    .insert(phoneMemberPolicies)
    .values({ organisationId: params.organisationId, member: params.member, policy: params.policy })
    .onConflictDoUpdate({ target: [phoneMemberPolicies.organisationId, phoneMemberPolicies.member], set: { policy: params.policy } });
}

/** Updates the account's settings (created if missing). */
export async function updatePhoneAccount(
  db: Db,
  params: { organisationId: string; now: Date; set: Partial<Omit<typeof phoneAccounts.$inferInsert, "organisationId" | "updatedAt">> },
): Promise<void> {
  await ensurePhoneAccount(db, params);
  await db
    .update(phoneAccounts)
    .set({ ...params.set, updatedAt: params.now })
    .where(eq(phoneAccounts.organisationId, params.organisationId));
}

/** The call ids among `callIds` already stored for the organisation. */
export async function knownCallIds(db: Db, params: { organisationId: string; callIds: string[] }): Promise<Set<string>> {
  if (params.callIds.length === 0) return new Set();
  const rows = await db
    .select({ callId: phoneCalls.callId })
    .from(phoneCalls)
    .where(and(eq(phoneCalls.organisationId, params.organisationId), inArray(phoneCalls.callId, params.callIds)));
  return new Set(rows.map((r) => r.callId));
}

/**
 * Stores call records in one statement; a call id already stored is skipped (the unique key
 * (organisation, call id) is the last word). Returns the call ids actually inserted.
 */
export async function insertCalls(db: Db, rows: NewPhoneCall[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db.insert(phoneCalls).values(rows).onConflictDoNothing().returning({ callId: phoneCalls.callId });
  return new Set(inserted.map((r) => r.callId));
}

/** Appends ledger lines in one statement (the ledger is never updated: a trigger refuses it). */
export async function appendLedger(db: Db, rows: NewLedgerEntry[]): Promise<void> {
  if (rows.length) await db.insert(phoneCreditLedger).values(rows);
}

/** One page of the ledger, newest first, after the keyset cursor `before` (a seq). */
export async function ledgerPage(
  db: Db,
  params: { organisationId: string; before?: number; limit: number },
): Promise<PhoneCreditEntryRow[]> {
  return db
    .select()
    .from(phoneCreditLedger)
    .where(
      and(
        eq(phoneCreditLedger.organisationId, params.organisationId),
        params.before ? lt(phoneCreditLedger.seq, params.before) : undefined,
      ),
    )
    .orderBy(desc(phoneCreditLedger.seq))
    .limit(params.limit);
}

/** Ledger lines in [from, to), oldest first, after the keyset cursor `after` (for a streamed export). */
export async function ledgerRangePage(
  db: Db,
  params: { organisationId: string; from: Date; to: Date; after?: number; limit: number },
): Promise<PhoneCreditEntryRow[]> {
  return db
    .select()
    .from(phoneCreditLedger)
    .where(
      and(
        eq(phoneCreditLedger.organisationId, params.organisationId),
        gte(phoneCreditLedger.createdAt, params.from),
        lt(phoneCreditLedger.createdAt, params.to),
        params.after ? sql`${phoneCreditLedger.seq} > ${params.after}` : undefined,
      ),
    )
    .orderBy(phoneCreditLedger.seq)
    .limit(params.limit);
}

/** Charged call spend by China-time day and kind since `since`, in fen. */
export async function dailyUsage(
  db: Db,
  params: { organisationId: string; since: Date },
): Promise<{ day: string; kind: string; fen: number; minutes: number }[]> {
  const day = sql<string>`to_char(${phoneCalls.startedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      kind: phoneCalls.kind,
      fen: sql<string>`(sum(${phoneCalls.amount}) * 100)::bigint::text`,
      minutes: sql<string>`sum(${phoneCalls.minutes})::text`,
    })
    .from(phoneCalls)
    .where(
      and(eq(phoneCalls.organisationId, params.organisationId), eq(phoneCalls.status, "charged"), gte(phoneCalls.startedAt, params.since)),
    )
    .groupBy(day, phoneCalls.kind)
    .orderBy(day, phoneCalls.kind);
  return rows.map((r) => ({ day: r.day, kind: r.kind, fen: Number(r.fen), minutes: Number(r.minutes) }));
}

/** The organisation's calls by call id (tests and the API's replay answer). */
export async function callsById(db: Db, params: { organisationId: string; callIds: string[] }) {
  if (params.callIds.length === 0) return [];
  return db
    .select()
    .from(phoneCalls)
    .where(and(eq(phoneCalls.organisationId, params.organisationId), inArray(phoneCalls.callId, params.callIds)));
}

// Grants

export async function listGrants(db: Db, params: { organisationId: string }) {
  return db.select().from(phoneGrants).where(eq(phoneGrants.organisationId, params.organisationId)).orderBy(phoneGrants.grant);
}

export async function setGrant(
  db: Db,
  params: { organisationId: string; grant: "dial_out" | "overseas"; on: boolean; by: string; now: Date },
): Promise<void> {
  if (params.on)
    await db
      .insert(phoneGrants)
      .values({ organisationId: params.organisationId, grant: params.grant, grantedBy: params.by, grantedAt: params.now })
      .onConflictDoNothing();
  else await db.delete(phoneGrants).where(and(eq(phoneGrants.organisationId, params.organisationId), eq(phoneGrants.grant, params.grant)));
}

// API keys

export async function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): Promise<void> {
  await db.insert(apiKeys).values(row);
}

export async function findApiKey(db: Db, params: { id: string }): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, params.id));
  return row ?? null;
}

export async function listApiKeys(db: Db, params: { organisationId: string }): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.organisationId, params.organisationId)).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key of the organisation; false when there is no such live key. */
export async function revokeApiKey(db: Db, params: { organisationId: string; id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(apiKeys.id, params.id), eq(apiKeys.organisationId, params.organisationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The organisation if `userId` owns it (its admin), else null. */
export async function ownedOrganisation(db: Db, params: { userId: string; organisationId: string }) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, params.organisationId), eq(organisations.ownerUserId, params.userId)));
  return row ?? null;
}

/** Appends one ledger line whose id names what it records (an agreement charge): a second append of it is a no-op. True when added. */
export async function appendLedgerOnce(db: Db, row: NewLedgerEntry): Promise<boolean> {
  const added = await db.insert(phoneCreditLedger).values(row).onConflictDoNothing().returning({ id: phoneCreditLedger.id });
  return added.length > 0;
}

/** The newest credit (a positive line: pack, purchase, auto-recharge, refund back or adjustment up), as its seq; 0 when none. */
export async function lastCreditSeq(db: Db, params: { organisationId: string }): Promise<number> {
  const [row] = await db
    .select({ seq: sql<string>`coalesce(max(${phoneCreditLedger.seq}), 0)::text` })
    .from(phoneCreditLedger)
    .where(and(eq(phoneCreditLedger.organisationId, params.organisationId), sql`${phoneCreditLedger.amount} > 0`));
  return Number(row?.seq ?? 0);
}

/** Auto-recharged in fen since `since` (the month's start), for the monthly cap. */
export async function autoRechargedSinceFen(db: Db, params: { organisationId: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ fen: sql<string>`coalesce(sum(${phoneCreditLedger.amount}) * 100, 0)::bigint::text` })
    .from(phoneCreditLedger)
    .where(
      and(
        eq(phoneCreditLedger.organisationId, params.organisationId),
        eq(phoneCreditLedger.kind, "auto_recharge"),
        gte(phoneCreditLedger.createdAt, params.since),
      ),
    );
  return Number(row?.fen ?? 0);
}

/** Organisations with auto-recharge on (optionally only one, or only one owner's), for the sweep. */
export async function autoRechargeCandidates(db: Db, params: { organisationId?: string; ownerUserId?: string }): Promise<string[]> {
  const rows = await db
    .select({ id: phoneAccounts.organisationId })
    .from(phoneAccounts)
    .innerJoin(organisations, eq(organisations.id, phoneAccounts.organisationId))
    .where(
      and(
        eq(phoneAccounts.autoRechargeEnabled, true),
        params.organisationId ? eq(phoneAccounts.organisationId, params.organisationId) : undefined,
        params.ownerUserId ? eq(organisations.ownerUserId, params.ownerUserId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/** Records a charge attempt's outcome on the account: the failure count, and auto-recharge off after the last failure. */
export async function recordAutoRechargeAttempt(
  db: Db,
  params: { organisationId: string; failures: number; enabled: boolean; now: Date },
): Promise<void> {
  await db
    .update(phoneAccounts)
    .set({ autoRechargeFailures: params.failures, autoRechargeEnabled: params.enabled, updatedAt: params.now })
    .where(eq(phoneAccounts.organisationId, params.organisationId));
}
