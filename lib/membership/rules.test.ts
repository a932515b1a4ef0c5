import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertMembershipCatalogValid, membershipCatalog as c, type MembershipCatalog } from "@/lib/catalog/membership";
import {
  daysLeft,
  giftPriceFen,
  isGiftTerm,
  isTerm,
  largestActive,
  listPriceFen,
  normaliseMainlandMobile,
  paidPerMonthFen,
  quoteUpgrade,
  renewalAttemptDue,
  termEnd,
  upgradeTargets,
  type MembershipState,
} from "./rules";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const NOW = at("2026-12-01T04:00:00.000Z");
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const m = (tier: string, expiresAt: Date, paidFen: number, months: number, id = tier): MembershipState => ({
  id,
  tier,
  startsAt: at("2026-01-01T00:00:00Z"),
  expiresAt,
  paidFen,
  months,
});

describe("membership catalog", () => {
  it("is exactly what its schema accepts, with the PRODUCT.md §7 prices", () => {
    expect(assertMembershipCatalogValid()).toEqual(c);
    expect(c.tiers.map((t) => [t.id, t.monthPrice])).toEqual([
      ["member-100", "30.00"],
      ["member-300", "499.00"],
      ["member-500", "999.00"],
    ]);
  });
});

describe("term: calendar months from the payment, extension from the expiry", () => {
  it.each([
    ["2027-01-31T10:00:00.000Z", 1, "2027-02-28T10:00:00.000Z"],
    ["2028-01-31T10:00:00.000Z", 1, "2028-02-29T10:00:00.000Z"],
    ["2027-03-31T00:00:00.000Z", 1, "2027-04-30T00:00:00.000Z"],
    ["2026-12-01T04:00:00.000Z", 1, "2027-01-01T04:00:00.000Z"],
    ["2026-12-31T04:00:00.000Z", 2, "2027-02-28T04:00:00.000Z"],
    ["2026-12-15T00:00:00.000Z", 12, "2027-12-15T00:00:00.000Z"],
  ])("opened %s for %i month(s) ends %s", (now, months, end) => {
    expect(termEnd({ now: at(now), months })).toEqual({ startsAt: at(now), expiresAt: at(end), extends: false });
  });

  it("buying again while it runs adds the months to the current expiry", () => {
    const expiry = at("2027-02-28T10:00:00.000Z");
    expect(termEnd({ currentExpiry: expiry, now: at("2027-02-10T00:00:00Z"), months: 1 })).toEqual({
      startsAt: expiry,
      expiresAt: at("2027-03-28T10:00:00.000Z"),
      extends: true,
    });
  });

  it("buying again after it ended starts a new run at the payment", () => {
    const r = termEnd({ currentExpiry: at("2026-11-01T00:00:00Z"), now: NOW, months: 3 });
    expect(r).toEqual({ startsAt: NOW, expiresAt: at("2027-03-01T04:00:00.000Z"), extends: false });
  });

  it.each([
    [0, false],
    [1, true],
    [12, true],
    [13, false],
    [1.5, false],
  ])("%s months is a term: %s", (months, ok) => expect(isTerm(c, months)).toBe(ok));

  it("prices months at the list price", () => {
    expect(listPriceFen(c.tiers[0]!, 1)).toBe(3000);
    expect(listPriceFen(c.tiers[1]!, 12)).toBe(598800);
  });
});

describe("upgrade", () => {
  it("the PRODUCT.md example: ¥30 paid for a month of 100, one month of 300 costs ¥469", () => {
    const q = quoteUpgrade(c, { memberships: [m("member-100", plus(NOW, 31), 3000, 1)], to: "member-300", now: NOW });
    expect(q).toMatchObject({ ok: true, from: "member-100", to: "member-300", months: 1, maxMonths: 1, totalFen: 46900 });
    expect(q).toMatchObject({ listMonthFen: 49900, paidMonthFen: 3000, pricePerMonthFen: 46900 });
  });

  it.each([
    // days left, allowed?, floor(days ÷ 31)
    [30, false, 0],
    [31, true, 1],
    [61, true, 1],
    [62, true, 2],
    [92, true, 2],
    [93, true, 3],
    [365, true, 11],
  ])("%i days left: allowed %s, at most %i month(s)", (days, allowed, max) => {
    const q = quoteUpgrade(c, { memberships: [m("member-100", plus(NOW, days), 3000, 1)], to: "member-300", now: NOW });
    if (!allowed) expect(q).toEqual({ ok: false, reason: "TOO_FEW_DAYS", from: "member-100", daysLeft: days });
    else expect(q).toMatchObject({ ok: true, maxMonths: max, months: 1 });
  });

  it("30 days and 23 hours left is 30 whole days: refused", () => {
    const q = quoteUpgrade(c, {
      memberships: [m("member-100", new Date(NOW.getTime() + 31 * DAY - 1), 3000, 1)],
      to: "member-300",
      now: NOW,
    });
    expect(q).toMatchObject({ ok: false, reason: "TOO_FEW_DAYS", daysLeft: 30 });
  });

  it.each([
    [62, 2, true],
    [62, 3, false],
    [62, 0, false],
    [93, 3, true],
  ])("%i days left, %i months asked: ok %s", (days, months, ok) => {
    const q = quoteUpgrade(c, { memberships: [m("member-100", plus(NOW, days), 9000, 3)], to: "member-300", months, now: NOW });
    expect(q.ok).toBe(ok);
    if (q.ok) expect(q.totalFen).toBe(months * 46900);
    else expect(q).toMatchObject({ reason: "MONTHS_OUT_OF_RANGE", maxMonths: Math.floor(days / 31) });
  });

  it("with two memberships running, the larger tier is upgraded and its days count", () => {
    const small = m("member-100", plus(NOW, 300), 30000, 10);
    const big = m("member-300", plus(NOW, 40), 49900, 1);
    expect(largestActive(c, [small, big], NOW)?.tier).toBe("member-300");
    expect(upgradeTargets(c, [small, big], NOW).map((t) => t.id)).toEqual(["member-500"]);
    const q = quoteUpgrade(c, { memberships: [small, big], to: "member-500", now: NOW });
    expect(q).toMatchObject({ ok: true, from: "member-300", daysLeft: 40, maxMonths: 1, pricePerMonthFen: 99900 - 49900 });
    // The larger one has < 31 days: no upgrade, even though the smaller one has 300.
    const short = m("member-300", plus(NOW, 20), 49900, 1);
    expect(quoteUpgrade(c, { memberships: [small, short], to: "member-500", now: NOW })).toMatchObject({
      ok: false,
      reason: "TOO_FEW_DAYS",
      from: "member-300",
    });
    // An ended larger one does not count.
    const ended = m("member-300", plus(NOW, -1), 49900, 1);
    expect(largestActive(c, [small, ended], NOW)?.tier).toBe("member-100");
  });

  it("refuses a tier that is not larger, and with no membership", () => {
    const q = quoteUpgrade(c, { memberships: [m("member-300", plus(NOW, 90), 49900, 1)], to: "member-100", now: NOW });
    expect(q).toEqual({ ok: false, reason: "NOT_LARGER", from: "member-300" });
    expect(quoteUpgrade(c, { memberships: [], to: "member-300", now: NOW })).toEqual({ ok: false, reason: "NO_MEMBERSHIP" });
    expect(quoteUpgrade(c, { memberships: [], to: "member-9", now: NOW })).toEqual({ ok: false, reason: "UNKNOWN_TIER" });
  });

  it("price per month is what was actually paid per month, half-up to the fen; never below zero", () => {
    expect(paidPerMonthFen({ paidFen: 10000, months: 3 })).toBe(3333);
    expect(paidPerMonthFen({ paidFen: 10001, months: 2 })).toBe(5001); // 5000.5 → 5001
    const pricey: MembershipCatalog = { ...c, tiers: c.tiers.map((t) => (t.id === "member-300" ? { ...t, monthPrice: "20.00" } : t)) };
    const q = quoteUpgrade(pricey, { memberships: [m("member-100", plus(NOW, 40), 3000, 1)], to: "member-300", now: NOW });
    expect(q).toMatchObject({ ok: true, pricePerMonthFen: 0, totalFen: 0 });
  });

  it("the upgraded months always fit in the days left (N calendar months ≤ N × 31 days)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 31, max: 400 }),
        fc.date({ min: at("2026-01-01"), max: at("2030-12-31"), noInvalidDate: true }),
        (days, now) => {
          const q = quoteUpgrade(c, { memberships: [m("member-100", plus(now, days), 3000, 1)], to: "member-500", now });
          if (!q.ok) return false;
          const all = quoteUpgrade(c, {
            memberships: [m("member-100", plus(now, days), 3000, 1)],
            to: "member-500",
            months: q.maxMonths,
            now,
          });
          return all.ok && all.expiresAt.getTime() <= plus(now, days).getTime() && all.totalFen === q.maxMonths * q.pricePerMonthFen;
        },
      ),
    );
  });

  it("daysLeft counts whole days and never goes below zero", () => {
    expect(daysLeft(plus(NOW, 62), NOW)).toBe(62);
    expect(daysLeft(plus(NOW, -3), NOW)).toBe(0);
  });
});

describe("gift", () => {
  it.each([
    [1, 3000],
    [3, 9000],
    [12, 36000],
  ])("%i month(s) of member-100 costs %i fen", (months, fen) => {
    expect(isGiftTerm(c, months)).toBe(true);
    expect(giftPriceFen(c, months)).toBe(fen);
  });

  it.each([0, 2, 6, 11, 24])("%i months cannot be given", (months) => {
    expect(isGiftTerm(c, months)).toBe(false);
    expect(giftPriceFen(c, months)).toBeUndefined();
  });
});

describe("mainland mobile number", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["19912345678", "19912345678"],
    [" 138 1234 5678 ", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["008615912345678", "15912345678"],
  ])("%j is %s", (input, out) => expect(normaliseMainlandMobile(input)).toBe(out));

  it.each([
    "12812345678",
    "10012345678",
    "1381234567",
    "138123456789",
    "23812345678",
    "1381234567a",
    "",
    "+85213812345678",
    "１３８１２３４５６７８",
  ])("%j is refused", (input) => expect(normaliseMainlandMobile(input)).toBeUndefined());

  it("accepts exactly 1[3-9] and 9 more digits", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{11}$/), (s) => (normaliseMainlandMobile(s) !== undefined) === /^1[3-9]/.test(s)));
  });
});

describe("auto-renewal schedule", () => {
  const expiresAt = at("2027-01-01T04:00:00.000Z");
  const hoursBefore = (h: number) => new Date(expiresAt.getTime() - h * 3_600_000);
  it.each([
    [73, 0, undefined],
    [72, 0, 0],
    [60, 1, undefined],
    [48, 1, 1],
    [30, 1, 1],
    [24, 2, 2],
    [10, 3, undefined],
    [0, 0, undefined],
  ])("%i h before expiry with %i attempt(s) made: attempt %s is due", (h, made, due) => {
    expect(renewalAttemptDue({ expiresAt, now: hoursBefore(h), attemptsMade: made })).toBe(due);
  });
});
