import { describe, expect, it } from "vitest";
import { afterAttempt, crossedBelow, rechargeDecision, type AutoRechargeSettings } from "./recharge";
import { runway } from "./forecast";

const base: AutoRechargeSettings = {
  enabled: true,
  thresholdFen: 5000,
  mode: "amount",
  amountFen: 10000,
  targetFen: 20000,
  monthlyCapFen: 30000,
  consecutiveFailures: 0,
};

describe("auto-recharge: threshold, amount or target, monthly cap", () => {
  it.each([
    ["off", { enabled: false }, 100, 0, { charge: false, reason: "DISABLED" }],
    ["three failures", { consecutiveFailures: 3 }, 100, 0, { charge: false, reason: "DISABLED" }],
    ["at the threshold", {}, 5000, 0, { charge: false, reason: "ABOVE_THRESHOLD" }],
    ["just below", {}, 4999, 0, { charge: true, amountFen: 10000 }],
    ["target mode", { mode: "target" as const }, 1000, 0, { charge: true, amountFen: 19000 }],
    [
      "target mode, minimum ¥20",
      { mode: "target" as const, targetFen: 5500, thresholdFen: 5000 },
      4900,
      0,
      { charge: true, amountFen: 2000 },
    ],
    ["cut to the cap", {}, 100, 25000, { charge: true, amountFen: 5000 }],
    ["cap reached", {}, 100, 30000, { charge: false, reason: "CAP_REACHED" }],
    ["cap leaves under ¥20", {}, 100, 28500, { charge: false, reason: "CAP_REACHED" }],
    ["cap leaves exactly ¥20", {}, 100, 28000, { charge: true, amountFen: 2000 }],
    ["below zero (overdraft)", { mode: "target" as const }, -3000, 0, { charge: true, amountFen: 23000 }],
  ])("%s", (_name, change, balance, month, want) => expect(rechargeDecision({ ...base, ...change }, balance, month)).toEqual(want));
});

describe("three failed charges in a row turn it off", () => {
  it.each([
    [0, false, { consecutiveFailures: 1, enabled: true, turnedOff: false }],
    [1, false, { consecutiveFailures: 2, enabled: true, turnedOff: false }],
    [2, false, { consecutiveFailures: 3, enabled: false, turnedOff: true }],
    [2, true, { consecutiveFailures: 0, enabled: true, turnedOff: false }],
    [1, true, { consecutiveFailures: 0, enabled: true, turnedOff: false }],
  ])("after %i failures, attempt succeeded=%s", (failures, ok, want) =>
    expect(afterAttempt({ ...base, consecutiveFailures: failures }, ok)).toEqual(want),
  );
  it("a failure while already off does not turn it off again", () =>
    expect(afterAttempt({ ...base, enabled: false, consecutiveFailures: 3 }, false)).toMatchObject({ turnedOff: false }));
});

describe("crossing the threshold", () => {
  it.each([
    [6000, 4000, true],
    [5000, 4999, true],
    [4999, 4000, false], // already below: no new crossing
    [6000, 5000, false],
    [4000, 6000, false],
  ])("%i → %i", (b, a, crossed) => expect(crossedBelow(b, a, 5000)).toBe(crossed));
});

describe("runway from the last 7 and 30 days", () => {
  const now = new Date("2026-12-01T04:00:00Z"); // 12:00 in Beijing
  it("uses the higher average (7 days here)", () => {
    const spend = [
      { day: "2026-12-01", fen: 700 },
      { day: "2026-11-28", fen: 700 },
    ];
    // 7-day: 1400/7 = 200 a day; 30-day: 1400/30 ≈ 46.7. 2400 fen → 12 days.
    const r = runway(2400, spend, now);
    expect(r).toEqual({ kind: "days", days: 12, until: new Date("2026-12-13T04:00:00Z"), averageFen: 200 });
  });
  it("uses the 30-day average when the last week was quiet", () => {
    const r = runway(3000, [{ day: "2026-11-10", fen: 3000 }], now);
    expect(r).toMatchObject({ kind: "days", days: 30, averageFen: 100 });
  });
  it("ignores spend older than 30 days", () => expect(runway(3000, [{ day: "2026-11-01", fen: 3000 }], now)).toEqual({ kind: "none" }));
  it("an empty balance has no runway", () => expect(runway(0, [{ day: "2026-12-01", fen: 100 }], now)).toEqual({ kind: "empty" }));
});
