import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToAmount, parseFen } from "@/lib/money";
import { refundEligibility, refundPreview, refundStopAt, simulateRefund, type RefundLineInput, type RefundOrderInput } from "./rule";

const at = (iso: string) => new Date(iso);
const yearAfter = (d: Date) =>
  new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));

function line(p: Partial<RefundLineInput> & { paid: string; startsAt: Date }): RefundLineInput {
  return { id: p.sku ?? "business", sku: "business", kind: "service", quantity: 1, expiresAt: yearAfter(p.startsAt), ...p };
}

function order(p: Partial<RefundOrderInput> & { purchasedAt: Date; lines: RefundLineInput[] }): RefundOrderInput {
  return {
    id: "o-1",
    number: "Q1",
    kind: "purchase",
    edition: "business",
    active: true,
    refunded: false,
    isChange: false,
    autoRenews: false,
    termMonths: 12,
    voucher: "0.00",
    ...p,
  };
}

// 2020-09-10 10:00 in Beijing.
const bought = at("2020-09-10T02:00:00Z");

describe("the refund rule (PRODUCT.md §6.3), table", () => {
  it("the worked example: 1 year bought 2020-09-10 for 7,213 with a 100 voucher, asked 2020-09-23 → ¥6,508.88", () => {
    const o = order({ purchasedAt: bought, voucher: "100.00", lines: [line({ paid: "7113.00", startsAt: bought })] });
    const result = refundPreview(o, [], at("2020-09-23T04:00:00Z"));
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    const { preview } = result;
    expect(preview.stopAt).toEqual(at("2020-10-11T02:00:00Z"));
    expect(preview.orders[0]!.lines[0]).toMatchObject({ usedDays: 31, totalDays: 365, paid: "7113.00", kept: "604.12", refund: "6508.88" });
    expect(preview).toMatchObject({ paid: "7113.00", voucher: "100.00", refund: "6508.88", kept: "604.12", keepsPhoneCredit: false });
    expect(preview.orders[0]!.outcome).toBe("partially_refunded");
  });

  it("a quote order with a 10% discount: each line refunds from what it really cost", () => {
    const o = order({
      purchasedAt: bought,
      lines: [
        line({ sku: "business", quantity: 30, paid: "37530.00", startsAt: bought }),
        line({ id: "lm", sku: "large-meeting-500", paid: "9709.20", startsAt: bought }),
      ],
    });
    const result = refundPreview(o, [], at("2020-09-11T00:00:00Z"));
    if (!result.ok) throw new Error("not eligible");
    expect(result.preview.orders[0]!.lines.map((l) => [l.refund, l.kept])).toEqual([
      ["34342.52", "3187.48"],
      ["8884.58", "824.62"],
    ]);
    expect(result.preview).toMatchObject({ paid: "47239.20", refund: "43227.10", kept: "4012.10" });
  });

  it("a voucher order: the voucher's share is not returned (paid is after it), and a phone pack's credit stays", () => {
    const o = order({
      purchasedAt: bought,
      voucher: "100.00",
      lines: [
        line({ sku: "business", paid: "41620.56", startsAt: bought }),
        line({ id: "lm", sku: "large-meeting-500", paid: "10767.44", startsAt: bought }),
        { id: "pp", sku: "phone-pack-1000", kind: "phone_pack", quantity: 1, paid: "990.00", startsAt: bought, expiresAt: null },
      ],
    });
    const result = refundPreview(o, [], at("2020-10-01T00:00:00Z"));
    if (!result.ok) throw new Error("not eligible");
    expect(result.preview.orders[0]!.lines.map((l) => l.refund)).toEqual(["38085.66", "9852.95", "0.00"]);
    expect(result.preview).toMatchObject({ paid: "53378.00", voucher: "100.00", refund: "47938.61", keepsPhoneCredit: true });
    expect(result.preview.orders[0]!.lines[2]!.kept).toBe("990.00");
  });

  it("a change order (capacity added on day 6) is refunded with its parent: its service stops at the parent's stop date", () => {
    const parent = order({
      purchasedAt: at("2026-01-01T02:00:00Z"),
      lines: [line({ paid: "41700.00", startsAt: at("2026-01-01T02:00:00Z") })],
    });
    const added = order({
      id: "o-2",
      number: "Q2",
      kind: "add",
      isChange: true,
      purchasedAt: at("2026-01-15T02:00:00Z"),
      lines: [
        line({
          id: "add",
          sku: "large-meeting-500",
          paid: "5000.00",
          startsAt: at("2026-01-15T02:00:00Z"),
          expiresAt: at("2027-01-01T02:00:00Z"),
        }),
      ],
    });
    const result = refundPreview(parent, [added], at("2026-01-20T02:00:00Z"));
    if (!result.ok) throw new Error("not eligible");
    expect(result.preview.stopAt).toEqual(at("2026-02-01T02:00:00Z"));
    expect(result.preview.orders.map((o) => [o.number, o.refund])).toEqual([
      ["Q1", "38158.36"],
      ["Q2", "4757.83"],
    ]);
    expect(result.preview.orders[1]!.lines[0]).toMatchObject({ usedDays: 17, totalDays: 351 });
    expect(result.preview.refund).toBe("42916.19");
    // The change order is not refundable on its own: it goes with its parent.
    expect(refundEligibility(added, at("2026-01-20T02:00:00Z"))).toEqual({ eligible: false, reasons: [{ code: "change_order" }] });
  });

  it("a renewal that has not started yet comes back whole: none of its days were used", () => {
    const start = at("2026-01-01T02:00:00Z");
    const parent = order({ purchasedAt: start, lines: [line({ paid: "1000.00", startsAt: start })] });
    const renewal = order({
      id: "o-3",
      number: "Q3",
      kind: "renew",
      isChange: true,
      purchasedAt: at("2026-01-10T02:00:00Z"),
      lines: [line({ id: "r", paid: "1000.00", startsAt: yearAfter(start) })],
    });
    const result = refundPreview(parent, [renewal], at("2026-01-10T03:00:00Z"));
    if (!result.ok) throw new Error("not eligible");
    expect(result.preview.orders[1]).toMatchObject({ refund: "1000.00", kept: "0.00", outcome: "refunded" });
  });

  it.each<[string, Partial<RefundOrderInput>, Date, unknown[]]>([
    ["pro edition", { edition: "pro" }, at("2020-09-11T00:00:00Z"), [{ code: "edition", edition: "pro" }]],
    ["a one-month term", { termMonths: 1 }, at("2020-09-11T00:00:00Z"), [{ code: "term", months: 1 }]],
    ["auto-renewing", { autoRenews: true }, at("2020-09-11T00:00:00Z"), [{ code: "auto_renew" }]],
    ["asked on day 32", {}, at("2020-10-11T02:00:00Z"), [{ code: "too_late", endedAt: at("2020-10-11T02:00:00Z") }]],
    [
      "every reason at once",
      { edition: "standard", termMonths: 1, autoRenews: true },
      at("2020-12-01T00:00:00Z"),
      [
        { code: "edition", edition: "standard" },
        { code: "term", months: 1 },
        { code: "auto_renew" },
        { code: "too_late", endedAt: at("2020-10-11T02:00:00Z") },
      ],
    ],
    ["not paid", { active: false }, at("2020-09-11T00:00:00Z"), [{ code: "not_active" }]],
    ["already refunded", { refunded: true }, at("2020-09-11T00:00:00Z"), [{ code: "already_refunded" }]],
    [
      "nothing paid (a voucher covered it all)",
      { lines: [line({ paid: "0.00", startsAt: bought })] },
      at("2020-09-11T00:00:00Z"),
      [{ code: "nothing_paid" }],
    ],
  ])("%s: not refundable, with why", (_, p, now, reasons) => {
    const o = order({ purchasedAt: bought, lines: [line({ paid: "7113.00", startsAt: bought })], ...p });
    expect(refundEligibility(o, now)).toEqual({ eligible: false, reasons });
  });

  it("the 31st day is the last eligible one, the 32nd is too late; the stop date is the same whenever it is asked", () => {
    const o = order({ purchasedAt: bought, lines: [line({ paid: "7113.00", startsAt: bought })] });
    const day31 = at("2020-10-11T01:59:59Z");
    expect(refundEligibility(o, day31)).toEqual({ eligible: true, stopAt: refundStopAt(bought), eligibleUntil: refundStopAt(bought) });
    const days = simulateRefund(o, [], at("2020-09-23T04:00:00Z"));
    expect(days[0]!.day).toBe(14);
    expect(days.at(-2)).toMatchObject({ day: 31, result: { ok: true, preview: { refund: "6508.88" } } });
    expect(days.at(-1)).toMatchObject({ day: 32, result: { ok: false, reasons: [{ code: "too_late" }] } });
    expect(days.filter((d) => d.result.ok).every((d) => d.result.ok && d.result.preview.refund === "6508.88")).toBe(true);
  });
});

describe("the refund rule, properties", () => {
  const lineArb = fc.record({
    paidFen: fc.integer({ min: 0, max: 100_000_000 }),
    phone: fc.boolean(),
    startOffsetDays: fc.integer({ min: 0, max: 30 }),
    termDays: fc.integer({ min: 28, max: 1100 }),
  });
  const orderArb = fc.record({
    purchasedAt: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }),
    voucherFen: fc.integer({ min: 0, max: 1_000_000 }),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
    askedAfterMs: fc.integer({ min: 0, max: 31 * 86_400_000 - 1 }),
  });

  it("refund ≤ paid − voucher, never negative, refund + kept = paid, for every generated order", () => {
    fc.assert(
      fc.property(orderArb, ({ purchasedAt, voucherFen, lines, askedAfterMs }) => {
        const inputs: RefundLineInput[] = lines.map((l, i) => {
          const startsAt = new Date(purchasedAt.getTime() + l.startOffsetDays * 86_400_000);
          return {
            id: `l${i}`,
            sku: l.phone ? "phone-pack-1000" : "business",
            kind: l.phone ? "phone_pack" : "service",
            quantity: 1,
            paid: fenToAmount(l.paidFen),
            startsAt,
            expiresAt: l.phone ? null : new Date(startsAt.getTime() + l.termDays * 86_400_000),
          };
        });
        const paidFen = lines.reduce((s, l) => s + l.paidFen, 0);
        // What the order cost before the voucher; what was paid is after it.
        const grossFen = paidFen + voucherFen;
        const o = order({ purchasedAt, voucher: fenToAmount(voucherFen), lines: inputs });
        const result = refundPreview(o, [], new Date(purchasedAt.getTime() + askedAfterMs));
        if (!result.ok) return paidFen === 0;
        const { preview } = result;
        const refund = parseFen(preview.refund);
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(refund).toBeLessThanOrEqual(grossFen - voucherFen);
        expect(refund + parseFen(preview.kept)).toBe(paidFen);
        for (const l of preview.orders[0]!.lines) {
          expect(parseFen(l.refund)).toBeGreaterThanOrEqual(0);
          expect(parseFen(l.refund) + parseFen(l.kept)).toBe(parseFen(l.paid));
          if (l.kind === "phone_pack") expect(l.refund).toBe("0.00");
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
