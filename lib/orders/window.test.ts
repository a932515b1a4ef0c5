import { describe, expect, it } from "vitest";
import { isStale, paymentDeadline, paymentWindowStart, waited } from "./window";

const placed = new Date("2026-11-22T04:00:00Z");
const at = (minutes: number) => new Date(placed.getTime() + minutes * 60_000);
const order = { status: "pending_payment" as const, createdAt: placed };

describe("the payment window", () => {
  it.each([
    ["no verification: from placement", null, placed, at(30)],
    ["under review: not open", { status: "pending" as const, decidedAt: null }, null, null],
    ["approved after 31 minutes: from the approval", { status: "approved" as const, decidedAt: at(31) }, at(31), at(61)],
    ["rejected after 5 minutes: from the rejection", { status: "rejected" as const, decidedAt: at(5) }, at(5), at(35)],
  ])("%s", (_, verification, start, deadline) => {
    expect(paymentWindowStart(order, verification)).toEqual(start);
    expect(paymentDeadline(order, verification)).toEqual(deadline);
  });

  it.each([
    [null, 29, false],
    [null, 30, true],
    [{ status: "pending" as const, decidedAt: null }, 24 * 60, false],
    [{ status: "approved" as const, decidedAt: at(31) }, 32, false],
    [{ status: "approved" as const, decidedAt: at(31) }, 60, false],
    [{ status: "approved" as const, decidedAt: at(31) }, 61, true],
  ])("verification %o at minute %i: stale %s", (verification, minute, stale) => {
    expect(isStale(order, verification, at(minute))).toBe(stale);
  });

  it("an order no longer awaiting payment is never stale", () => {
    for (const status of ["paid", "fulfilled", "cancelled", "expired"] as const)
      expect(isStale({ ...order, status }, null, at(99))).toBe(false);
  });

  it.each([
    [0, { days: 0, hours: 0, minutes: 0 }],
    [31, { days: 0, hours: 0, minutes: 31 }],
    [95, { days: 0, hours: 1, minutes: 35 }],
    [60 * 24 + 61, { days: 1, hours: 1, minutes: 1 }],
    [-5, { days: 0, hours: 0, minutes: 0 }],
  ])("waited %i minutes", (minutes, expected) => {
    expect(waited(placed, at(minutes))).toEqual(expected);
  });
});
