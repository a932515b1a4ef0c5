import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { phoneRateCard, type PhoneRateCard } from "@/lib/catalog/phone-rates";
import { billedMinutes, callChargeFen, minutesCovered, rateCall, rateVersionAt } from "./rating";

const at = new Date("2026-06-01T10:00:00Z");

describe("billed minutes: every started minute", () => {
  it.each([
    [0, 0],
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [119, 2],
    [120, 2],
    [121, 3],
    [3600, 60],
  ])("%i s → %i min", (s, m) => expect(billedMinutes(s)).toBe(m));
  it("refuses a negative or fractional duration", () => {
    expect(() => billedMinutes(-1)).toThrow();
    expect(() => billedMinutes(1.5)).toThrow();
  });
});

describe("the shipped sample rate card", () => {
  it.each([
    ["dial_in_toll", undefined, 61, "CN", "0.15", 30],
    ["dial_in_toll_free", "US", 60, "CN", "0.30", 30],
    ["call_me", "CN", 600, "CN", "0.25", 250],
    ["dial_out", "cn", 1, "CN", "0.25", 25],
    ["dial_out", "HK", 90, "HK", "1.00", 200],
    ["dial_out", "US", 180, "US", "0.80", 240],
    ["call_me", "GB", 61, "GB", "1.20", 240],
    ["dial_out", "JP", 30, "JP", "1.50", 150],
    ["call_me", "SG", 3599, "SG", "1.00", 6000],
  ] as const)("%s to %s for %i s: %s at ¥%s = %i fen", (kind, country, seconds, dest, rate, fen) => {
    expect(rateCall(phoneRateCard, { kind, country, startedAt: at, durationSeconds: seconds })).toMatchObject({ country: dest, rate, fen });
  });
  it("has no rate for an unknown destination", () => {
    expect(rateCall(phoneRateCard, { kind: "dial_out", country: "FR", startedAt: at, durationSeconds: 60 })).toBeNull();
  });
});

const versioned: PhoneRateCard = {
  versions: [
    { ...phoneRateCard.versions[0]!, version: "v1", effectiveFrom: "2026-01-01T00:00:00Z" },
    {
      ...phoneRateCard.versions[0]!,
      version: "v2",
      effectiveFrom: "2026-07-01T00:00:00Z",
      dialIn: { toll: "0.125", tollFree: "0.333" },
    },
  ],
};

describe("the rate in force when the call started, rounded to the fen once per call", () => {
  it.each([
    ["2025-12-31T23:59:59Z", null],
    ["2026-01-01T00:00:00Z", "v1"],
    ["2026-06-30T23:59:59Z", "v1"],
    ["2026-07-01T00:00:00Z", "v2"],
  ])("at %s: %s", (when, version) => expect(rateVersionAt(versioned, new Date(when))?.version ?? null).toBe(version));

  it("a call starting before a change and ending after it keeps the old rate", () => {
    const r = rateCall(versioned, { kind: "dial_in_toll", startedAt: new Date("2026-06-30T23:50:00Z"), durationSeconds: 3600 });
    expect(r).toMatchObject({ version: "v1", rate: "0.15", minutes: 60, fen: 900 });
  });
  it.each([
    [1, "0.125", 13], // 0.125 → 0.13 (half-up)
    [2, "0.125", 25], // 0.25 exactly: rounded once per call, not 2 × 13
    [3, "0.125", 38], // 0.375 → 0.38
    [3, "0.333", 100], // 0.999 → 1.00
    [7, "0.333", 233], // 2.331 → 2.33
  ])("%i min at ¥%s = %i fen", (m, rate, fen) => expect(callChargeFen(m, rate)).toBe(fen));
});

describe("minutes covered", () => {
  it.each([
    [0, "0.25", 0],
    [24, "0.25", 0],
    [25, "0.25", 1],
    [10000, "0.25", 400],
    [10000, "1.20", 83],
    [13, "0.125", 1],
    [25, "0.125", 2],
    [0, "0.001", 0], // nothing to spend covers no call, even where four minutes would round to 0 fen
    [1, "0.001", 14], // 14 × 0.1 fen = 1.4 → 1 fen; the 15th minute rounds to 2
  ])("%i fen at ¥%s: %i min", (fen, rate, m) => expect(minutesCovered(fen, rate)).toBe(m));
  it("is the most minutes whose rounded charge fits, for any balance above zero (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 99_999 }), (fen, milli) => {
        const rate = (milli / 1000).toFixed(3);
        const m = minutesCovered(fen, rate);
        expect(callChargeFen(m, rate)).toBeLessThanOrEqual(fen);
        expect(callChargeFen(m + 1, rate)).toBeGreaterThan(fen);
      }),
    );
  });
  it("is 0 for a balance of zero or less, whatever the rate (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 0 }), fc.integer({ min: 1, max: 99_999 }), (fen, milli) => {
        expect(minutesCovered(fen, (milli / 1000).toFixed(3))).toBe(0);
      }),
    );
  });
});
