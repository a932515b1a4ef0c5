import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { phoneRateCard } from "@/lib/catalog/phone-rates";
import { CALL_KINDS } from "./rating";
import { parseBatch, planBatch, type BatchFacts, type UsageRecord } from "./usage";

const facts: BatchFacts = {
  edition: "business",
  grants: ["dial_out", "overseas"],
  orgPolicy: null,
  memberPolicies: new Map(),
  balanceFen: 10000,
  overdraftFen: 0,
  known: new Set(),
};
const rec = (callId: string, over: Partial<UsageRecord> = {}): UsageRecord => ({
  callId,
  kind: "dial_out",
  country: "CN",
  startedAt: "2026-06-01T10:00:00+08:00",
  durationSeconds: 61,
  ...over,
});
const indexed = (records: UsageRecord[]) => records.map((record, index) => ({ index, record }));

describe("parsing a batch record by record", () => {
  it("keeps the good ones and names each bad one with its index and reason", () => {
    const { valid, invalid } = parseBatch([
      rec("a"),
      { callId: "" },
      rec("b", { durationSeconds: -1 }),
      "x",
      rec("c", { kind: "fax" as never }),
    ]);
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(invalid).toEqual([
      { index: 1, reason: "INVALID_RECORD", path: "callId" },
      { index: 2, reason: "INVALID_RECORD", path: "durationSeconds" },
      { index: 3, reason: "INVALID_RECORD", path: "" },
      { index: 4, reason: "INVALID_RECORD", path: "kind" },
    ]);
  });
});

describe("planning a batch", () => {
  it("charges per started minute and keeps a running balance", () => {
    const p = planBatch(phoneRateCard, indexed([rec("a"), rec("b", { kind: "call_me", country: "GB", durationSeconds: 60 })]), facts);
    expect(p.calls.map((c) => [c.callId, c.status, c.minutes, c.rate, c.fen])).toEqual([
      ["a", "charged", 2, "0.25", 50],
      ["b", "charged", 1, "1.20", 120],
    ]);
    expect(p.balanceFen).toBe(10000 - 170);
  });
  it("stores a call the policy forbids as refused, uncharged", () => {
    const p = planBatch(phoneRateCard, indexed([rec("uk", { country: "GB" })]), { ...facts, orgPolicy: "domestic" });
    expect(p.calls[0]).toMatchObject({ status: "refused", reason: "POLICY_DENIED", fen: 0 });
    expect(p.balanceFen).toBe(10000);
  });
  it("applies a member's override", () => {
    const p = planBatch(phoneRateCard, indexed([rec("a", { member: "m1" }), rec("b", { member: "m2" })]), {
      ...facts,
      memberPolicies: new Map([["m1", "none"]]),
    });
    expect(p.calls.map((c) => c.status)).toEqual(["refused", "charged"]);
  });
  it("refuses what would pass the floor, and charges later smaller calls that fit", () => {
    const p = planBatch(phoneRateCard, indexed([rec("big", { durationSeconds: 3600 * 10 }), rec("small")]), { ...facts, balanceFen: 100 });
    expect(p.calls.map((c) => [c.status, c.reason])).toEqual([
      ["refused", "INSUFFICIENT_CREDIT"],
      ["charged", null],
    ]);
  });
  it("acknowledges a replay (stored before or earlier in the batch) without rating it", () => {
    const p = planBatch(phoneRateCard, indexed([rec("old"), rec("new"), rec("new")]), { ...facts, known: new Set(["old"]) });
    expect(p.replayed).toEqual([
      { index: 0, callId: "old" },
      { index: 2, callId: "new" },
    ]);
    expect(p.calls.map((c) => c.callId)).toEqual(["new"]);
  });
});

const record = fc.record({
  callId: fc.string({ minLength: 1, maxLength: 4 }),
  kind: fc.constantFrom(...CALL_KINDS),
  country: fc.constantFrom("CN", "HK", "US", "GB", "JP", "SG", "FR"),
  startedAt: fc.constant("2026-06-01T10:00:00+08:00"),
  durationSeconds: fc.integer({ min: 0, max: 7200 }),
});

describe("properties", () => {
  it("the balance never goes below the floor and equals the start minus the charges", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.integer({ min: -500, max: 20000 }),
        fc.integer({ min: 0, max: 1000 }),
        (records, start, overdraft) => {
          const p = planBatch(phoneRateCard, indexed(records), { ...facts, balanceFen: start, overdraftFen: overdraft });
          let running = start;
          for (const c of p.calls) {
            if (c.status === "charged") {
              running -= c.fen;
              expect(running).toBeGreaterThanOrEqual(-overdraft);
            } else expect(c.fen).toBe(0);
          }
          expect(p.balanceFen).toBe(running);
        },
      ),
    );
  });
  it("replaying any batch after it was stored changes nothing", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const first = planBatch(phoneRateCard, indexed(records), facts);
        const known = new Set(first.calls.map((c) => c.callId));
        const again = planBatch(phoneRateCard, indexed(records), { ...facts, balanceFen: first.balanceFen, known });
        expect(again.calls).toEqual([]);
        expect(again.balanceFen).toBe(first.balanceFen);
        expect(again.replayed).toHaveLength(records.length);
      }),
    );
  });
});
