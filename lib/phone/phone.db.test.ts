import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { ensureOrganisation } from "@/lib/db/queries/organisations";
import {
  appendLedger,
  callsById,
  ledgerBalanceFen,
  ledgerPage,
  revokeApiKey,
  setGrant,
  setMemberPolicy,
  updatePhoneAccount,
} from "@/lib/db/queries/phone";
import { migratedDb, rowsWhere, secondServerDb, testBackend } from "@/lib/db/testing";
import { apiKeys, phoneCreditLedger } from "@/lib/db/schema";
import { hashSecret } from "./api-keys";
import { authorizeForOrganisation, ingestUsage } from "./ingest";
import { authenticateApiKey, createApiKey } from "./keys-store";
import { adjustPhoneCredit } from "./operator";

const now = new Date("2026-06-02T04:00:00Z");

describe(`phone credit ledger and usage ingestion on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  const org = async (edition = "business", creditFen = 10000) => {
    const id = randomUUID();
    await ensureOrganisation(handle.db, { id, name: `Org ${id.slice(0, 6)}`, ownerUserId: `u-${id}`, edition });
    if (creditFen)
      await appendLedger(handle.db, [
        { id: randomUUID(), organisationId: id, kind: "topup", amount: (creditFen / 100).toFixed(2), createdAt: now },
      ]);
    return id;
  };
  const call = (callId: string, over: Record<string, unknown> = {}) => ({
    callId,
    kind: "dial_out",
    country: "CN",
    startedAt: "2026-06-01T10:00:00+08:00",
    durationSeconds: 61,
    ...over,
  });

  it("rates each record once, names the call's kind, country, minutes and rate in the ledger, and a replay adds nothing", async () => {
    const o = await org();
    await setGrant(handle.db, { organisationId: o, grant: "dial_out", on: true, by: "op", now });
    await setGrant(handle.db, { organisationId: o, grant: "overseas", on: true, by: "op", now });
    const batch = [call("c1"), call("c2", { kind: "call_me", country: "GB", durationSeconds: 60 }), { callId: "bad" }, call("c1")];
    const first = await ingestUsage(handle.db, { organisationId: o, records: batch, now });
    expect(first!.results).toEqual([
      { index: 0, callId: "c1", status: "charged", amount: "0.50", minutes: 2, rate: "0.25" },
      { index: 1, callId: "c2", status: "charged", amount: "1.20", minutes: 1, rate: "1.20" },
      { index: 3, callId: "c1", status: "replayed" },
    ]);
    expect(first!.errors).toEqual([{ index: 2, reason: "INVALID_RECORD", path: "kind" }]);
    expect(await ledgerBalanceFen(handle.db, { organisationId: o })).toBe(10000 - 170);
    const lines = await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o, kind: "call" });
    expect(lines.map((l) => [l.callId, l.callKind, l.country, l.minutes, l.rate, l.amount]).sort()).toEqual([
      ["c1", "dial_out", "CN", 2, "0.2500", "-0.50"],
      ["c2", "call_me", "GB", 1, "1.2000", "-1.20"],
    ]);
    const again = await ingestUsage(handle.db, { organisationId: o, records: batch, now });
    expect(again!.results.map((r) => r.status)).toEqual(["replayed", "replayed", "replayed"]);
    expect(await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o })).toHaveLength(3);
  });

  it("stores a call the policy forbids as refused and does not charge it; authorize says why", async () => {
    const o = await org();
    await setGrant(handle.db, { organisationId: o, grant: "dial_out", on: true, by: "op", now });
    await setGrant(handle.db, { organisationId: o, grant: "overseas", on: true, by: "op", now });
    await updatePhoneAccount(handle.db, { organisationId: o, now, set: { outboundPolicy: "domestic" } });
    expect(await authorizeForOrganisation(handle.db, { organisationId: o, kind: "dial_out", country: "GB", now })).toEqual({
      allow: false,
      reason: "POLICY_DENIED",
    });
    await setMemberPolicy(handle.db, { organisationId: o, member: "boss", policy: "any" });
    expect(
      await authorizeForOrganisation(handle.db, { organisationId: o, kind: "dial_out", country: "GB", member: "boss", now }),
    ).toMatchObject({
      allow: true,
      rate: "1.20",
      maxMinutes: 83,
    });
    const r = await ingestUsage(handle.db, { organisationId: o, records: [call("uk", { country: "GB" })], now });
    expect(r!.results).toEqual([{ index: 0, callId: "uk", status: "refused", reason: "POLICY_DENIED" }]);
    expect((await callsById(handle.db, { organisationId: o, callIds: ["uk"] }))[0]).toMatchObject({
      status: "refused",
      reason: "POLICY_DENIED",
      amount: "0.00",
    });
    expect(await ledgerBalanceFen(handle.db, { organisationId: o })).toBe(10000);
  });

  it("the ledger is append-only", async () => {
    const o = await org();
    await expect(handle.db.execute(sql`update phone_credit_ledger set amount = 0 where organisation_id = ${o}`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from phone_credit_ledger where organisation_id = ${o}`)).rejects.toThrow();
    expect(await ledgerBalanceFen(handle.db, { organisationId: o })).toBe(10000);
  });

  it("concurrent batches never overdraw (and the overdraft is the floor)", async () => {
    const o = await org("business", 1000); // ¥10: 40 one-minute ¥0.25 calls
    await setGrant(handle.db, { organisationId: o, grant: "dial_out", on: true, by: "op", now });
    // Separate connections on PostgreSQL (a second pool); PGlite has one connection and serialises.
    const second = secondServerDb(handle);
    const dbs = [handle.db, second.db];
    try {
      const batches = Array.from({ length: 6 }, (_, b) =>
        Array.from({ length: 10 }, (_, i) => call(`b${b}-${i}`, { durationSeconds: 30 })),
      );
      const outcomes = await Promise.all(batches.map((records, i) => ingestUsage(dbs[i % 2]!, { organisationId: o, records, now })));
      const charged = outcomes.flatMap((x) => x!.results).filter((r) => r.status === "charged");
      expect(charged).toHaveLength(40);
      expect(await ledgerBalanceFen(handle.db, { organisationId: o })).toBe(0);
      await updatePhoneAccount(handle.db, { organisationId: o, now, set: { overdraft: "1.00" } });
      const more = await ingestUsage(handle.db, { organisationId: o, records: Array.from({ length: 6 }, (_, i) => call(`od-${i}`)), now });
      expect(more!.results.filter((r) => r.status === "charged")).toHaveLength(2); // 2 × ¥0.50 = the ¥1 overdraft
      expect(await ledgerBalanceFen(handle.db, { organisationId: o })).toBe(-100);
    } finally {
      await second.close();
    }
  });

  it("property: balance = Σ ledger, never below the floor; replaying any batch changes nothing", async () => {
    const o = await org("business", 3000);
    await setGrant(handle.db, { organisationId: o, grant: "dial_out", on: true, by: "op", now });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 30 }),
            kind: fc.constantFrom("dial_in_toll", "call_me", "dial_out"),
            durationSeconds: fc.integer({ min: 0, max: 900 }),
          }),
          { maxLength: 25 },
        ),
        async (records) => {
          const batch = records.map((r) => call(`p${n}-${r.id}`, { kind: r.kind, durationSeconds: r.durationSeconds }));
          n++;
          await ingestUsage(handle.db, { organisationId: o, records: batch, now });
          const balance = await ledgerBalanceFen(handle.db, { organisationId: o });
          const rows = await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o });
          expect(balance).toBe(rows.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0));
          expect(balance).toBeGreaterThanOrEqual(0);
          await ingestUsage(handle.db, { organisationId: o, records: batch, now });
          expect(await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o })).toHaveLength(rows.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("keyset pages walk the ledger newest first without gaps or repeats", async () => {
    const o = await org("business", 0);
    await appendLedger(
      handle.db,
      Array.from({ length: 25 }, (_, i) => ({
        id: randomUUID(),
        organisationId: o,
        kind: "adjustment" as const,
        amount: "1.00",
        note: `n${i}`,
        createdAt: now,
      })),
    );
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await ledgerPage(handle.db, { organisationId: o, before, limit: 10 });
      if (!page.length) break;
      seen.push(...page.map((p) => p.note!));
      before = page.at(-1)!.seq;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `n${24 - i}`));
  });

  it("API keys: shown once, stored hashed, scoped, revocable", async () => {
    const o = await org();
    const key = await createApiKey(handle.db, { organisationId: o, name: "bridge", scopes: ["usage:write"], createdBy: "u", now });
    const [stored] = await rowsWhere(handle.db, apiKeys, { id: key.id });
    const secret = key.token.slice(`qsk_${key.id}_`.length);
    expect(stored!.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await authenticateApiKey(handle.db, `Bearer ${key.token}`, "usage:write")).toEqual({
      ok: true,
      organisationId: o,
      keyId: key.id,
    });
    expect(await authenticateApiKey(handle.db, `Bearer ${key.token}`, "calls:authorize")).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await authenticateApiKey(handle.db, `Bearer ${key.token.slice(0, -1)}x`, "usage:write")).toEqual({
      ok: false,
      error: "UNAUTHENTICATED",
    });
    expect(await authenticateApiKey(handle.db, null, "usage:write")).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    expect(await revokeApiKey(handle.db, { organisationId: o, id: key.id, now })).toBe(true);
    expect(await authenticateApiKey(handle.db, `Bearer ${key.token}`, "usage:write")).toEqual({ ok: false, error: "UNAUTHENTICATED" });
  });

  it("operator adjustments: a line with the reason and who, never past the floor", async () => {
    const o = await org("business", 1000);
    expect(await adjustPhoneCredit(handle.db, { organisationId: o, amount: "-10.01", reason: "test", actorId: "op", now })).toEqual({
      ok: false,
      error: "BELOW_FLOOR",
    });
    expect(
      await adjustPhoneCredit(handle.db, { organisationId: o, amount: "-10.00", reason: "goodwill back", actorId: "op", now }),
    ).toEqual({ ok: true, balance: "0.00" });
    await updatePhoneAccount(handle.db, { organisationId: o, now, set: { overdraft: "5.00" } });
    expect(await adjustPhoneCredit(handle.db, { organisationId: o, amount: "-5.00", reason: "late call", actorId: "op", now })).toEqual({
      ok: true,
      balance: "-5.00",
    });
    expect(await adjustPhoneCredit(handle.db, { organisationId: "nope", amount: "1.00", reason: "x", actorId: "op", now })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    const lines = await rowsWhere(handle.db, phoneCreditLedger, { organisationId: o, kind: "adjustment" });
    expect(lines.map((l) => [l.amount, l.note, l.actorId]).sort()).toEqual([
      ["-10.00", "goodwill back", "op"],
      ["-5.00", "late call", "op"],
    ]);
  });
});
