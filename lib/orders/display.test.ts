import { describe, expect, it } from "vitest";
import { BADGE_TONE, fulfilledAtZero, ORDER_BADGES, orderBadge, orderTimeline } from "./display";

const t0 = new Date("2026-11-22T04:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("orderBadge", () => {
  it.each([
    ["pending_payment", null, null, "awaiting_payment"],
    ["pending_payment", { status: "pending" }, null, "awaiting_payment"],
    ["pending_payment", { status: "failed" }, null, "payment_failed"],
    ["pending_payment", { status: "cancelled" }, null, "payment_cancelled"],
    ["pending_payment", null, { status: "pending" }, "under_review"],
    ["pending_payment", null, { status: "approved" }, "ready_to_pay"],
    ["pending_payment", { status: "failed" }, { status: "approved" }, "payment_failed"],
    ["pending_payment", null, { status: "rejected" }, "rejected"],
    ["paid", null, null, "paid"],
    ["fulfilled", { status: "succeeded" }, null, "active"],
    ["cancelled", { status: "failed" }, null, "cancelled"],
    ["expired", null, { status: "approved" }, "expired"],
    ["refunded", null, null, "refunded"],
  ] as const)("%s, last payment %o, verification %o → %s", (status, lastPayment, verification, badge) => {
    expect(orderBadge({ order: { status }, lastPayment, verification })).toBe(badge);
  });

  it("tells awaiting payment, paid/active, failed, cancelled and expired apart by tone", () => {
    const tones = (["awaiting_payment", "active", "payment_failed", "cancelled", "expired"] as const).map((b) => BADGE_TONE[b]);
    expect(new Set(tones).size).toBe(tones.length);
    expect(Object.keys(BADGE_TONE).sort()).toEqual([...ORDER_BADGES].sort());
  });
});

describe("orderTimeline", () => {
  it("merges status events, failed and cancelled attempts (numbered) and the verification decision, oldest first", () => {
    const entries = orderTimeline({
      events: [
        { at: t0, toStatus: "pending_payment", cause: "checkout" },
        { at: at(40), toStatus: "paid", cause: "payment_notification" },
        { at: at(40), toStatus: "fulfilled", cause: "fulfilled" },
      ],
      payments: [
        { createdAt: at(36), updatedAt: at(39), status: "succeeded" },
        { createdAt: at(32), updatedAt: at(33), status: "failed" },
        { createdAt: at(34), updatedAt: at(35), status: "cancelled" },
      ],
      verification: { status: "approved", decidedAt: at(31) },
    });
    expect(entries.map((e) => [e.kind, e.at, e.kind === "attempt" ? e.attempt : e.status])).toEqual([
      ["status", t0, "pending_payment"],
      ["verification", at(31), "approved"],
      ["attempt", at(33), 1],
      ["attempt", at(35), 2],
      ["status", at(40), "paid"],
      ["status", at(40), "fulfilled"],
    ]);
  });

  it("leaves out a pending verification and pending or succeeded attempts", () => {
    const entries = orderTimeline({
      events: [{ at: t0, toStatus: "pending_payment", cause: "checkout" }],
      payments: [{ createdAt: at(1), updatedAt: at(1), status: "pending" }],
      verification: { status: "pending", decidedAt: null },
    });
    expect(entries).toHaveLength(1);
  });
});

describe("fulfilledAtZero", () => {
  it.each([
    ["fulfilled", "0.00", true],
    ["fulfilled", "0.01", false],
    ["pending_payment", "0.00", false],
  ] as const)("%s at %s → %s", (status, total, expected) => {
    expect(fulfilledAtZero({ status, total })).toBe(expected);
  });
});
