// The one property-test family for price adjustments (PRODUCT.md §2.4): quote discounts and
// vouchers, alone and together in their order, on carts and on bare subtotals.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fenToAmount, parseFen } from "@/lib/money";
import { Decimal, toAmount } from "@/lib/money/decimal";
import { cartArb } from "@/lib/testing/arbitraries";
import en from "@/messages/en.json";
import { amountOff, applyAdjustment, type Adjustment, type Off } from "./adjust";
import { price, y } from "./test-helpers";
import type { VoucherTerms } from "./types";
import { applyVoucher } from "./voucher";

const options = { locale: "en" as const, messages: en.Pricing };
const business = { edition: "business", seats: 30, term: y(1), addons: [{ sku: "large-meeting-500", quantity: 1 }] };

describe("amountOff", () => {
  it.each([
    ["52488.00", 15, "7873.20"],
    ["52488.00", 10, "5248.80"],
    ["52488.00", "15.01", "7878.45"], // 7878.4488
    ["0.10", 33, "0.03"],
    ["0.05", 10, "0.01"], // 0.005 rounds half-up
    ["294.00", "15.75", "46.31"], // 46.305: half-up, where half-even and binary floats give 46.30
    ["0.01", 49, "0.00"],
    ["0.01", 50, "0.01"],
    ["99.99", 99, "98.99"],
    ["0.00", 50, "0.00"],
    ["123.45", 100, "123.45"],
    ["999999999999.99", "99.99", "999899999999.99"], // base × hundredths passes 2^53
  ])("%s × %s%% takes off %s, rounded half-up once", (base, percent, off) => {
    expect(fenToAmount(amountOff(parseFen(base), { percent }))).toBe(off);
  });

  it.each([
    ["52488.00", "100.00", "100.00"],
    ["52488.00", "99999.00", "52488.00"],
    ["0.00", "5.00", "0.00"],
  ])("%s less a fixed %s takes off %s", (base, amount, off) => {
    expect(fenToAmount(amountOff(parseFen(base), { amount }))).toBe(off);
  });

  it.each([
    [{ percent: 101 }],
    [{ percent: -1 }],
    [{ percent: "x" }],
    [{ percent: "10.001" }],
    [{ amount: "0" }],
    [{ amount: "-1" }],
    [{ amount: "1.001" }],
  ] as Off[][])("throws on %o", (off) => {
    expect(() => amountOff(10_000, off)).toThrow();
  });
});

describe("applyAdjustment", () => {
  it("applies in the order of §2.4 and refuses any other", () => {
    const quoted = applyAdjustment(price(business), { kind: "quote-discount", code: "Q", percent: "10" }, options);
    const both = applyAdjustment(quoted, { kind: "voucher", code: "C", amount: "100.00" }, options);
    expect(both.adjustments.map((a) => [a.kind, a.amount])).toEqual([
      ["quote-discount", "-5248.80"],
      ["voucher", "-100.00"],
    ]);
    expect(both.total).toBe("47139.20");
    expect(() => applyAdjustment(both, { kind: "quote-discount", code: "Q", percent: "10" }, options)).toThrow(/after voucher/);
    expect(() => applyAdjustment(both, { kind: "voucher", code: "C", amount: "1" }, options)).toThrow(/after voucher/);
  });

  it("takes a later percentage off what the earlier adjustments left", () => {
    const quoted = applyAdjustment(price(business), { kind: "quote-discount", code: "Q", percent: "10" }, options);
    const r = applyAdjustment(quoted, { kind: "voucher", code: "P", percent: 10 }, options);
    expect(r.adjustments[1]).toMatchObject({ amount: "-4723.92", formula: "¥47,239.20 × 10% = -¥4,723.92" });
    expect(r.total).toBe("42515.28");
  });

  it("writes nothing off a zero total as 0.00, never -0.00", () => {
    const free = price({ edition: "free", term: y(1), addons: [] });
    const r = applyAdjustment(free, { kind: "voucher", code: "P", percent: 50 }, options);
    expect(r.adjustments[0]?.amount).toBe("0.00");
    expect(r.total).toBe("0.00");
  });
});

// Percentages 0.00–100.00 built from whole hundredths (the same two-place text as fen), no float division.
const percentArb = fc.integer({ min: 0, max: 10_000 }).map((n) => fenToAmount(n));
const voucherArb: fc.Arbitrary<VoucherTerms> = fc.oneof(
  fc.record({ code: fc.constant("P"), kind: fc.constant("percent" as const), percent: fc.integer({ min: 1, max: 99 }) }),
  fc.record({
    code: fc.constant("C"),
    kind: fc.constant("cash" as const),
    amount: fc.integer({ min: 1, max: 10_000_000 }).map(fenToAmount),
  }),
);
const offArb: fc.Arbitrary<Off> = fc.oneof(
  percentArb.map((percent) => ({ percent })),
  voucherArb.map((v) => (v.kind === "percent" ? { percent: v.percent! } : { amount: v.amount! })),
);

describe("adjustment invariants", () => {
  it("total = Σ lines + Σ adjustments ≥ 0; each discount ≤ what it applies to; nothing lost to rounding", () => {
    fc.assert(
      fc.property(
        cartArb(6),
        fc.option(percentArb, { nil: undefined }),
        fc.option(voucherArb, { nil: undefined }),
        (cart, percent, voucher) => {
          let r = price(cart);
          if (percent !== undefined) r = applyAdjustment(r, { kind: "quote-discount", code: "Q", percent }, options);
          if (voucher) r = applyVoucher(r, voucher, options);
          const subtotal = new Decimal(r.subtotal);
          expect(r.subtotal).toBe(toAmount(r.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0))));
          const adjustments = r.adjustments.reduce((s, a) => s.plus(a.amount), new Decimal(0));
          expect(new Decimal(r.total).gte(0)).toBe(true);
          expect(adjustments.lte(0)).toBe(true);
          expect(adjustments.negated().lte(subtotal)).toBe(true);
          // Exactly: no fraction of a fen appears or disappears between the lines and the total.
          expect(r.total).toBe(toAmount(subtotal.plus(adjustments)));
          let left = subtotal;
          for (const a of r.adjustments) {
            const off = new Decimal(a.amount).negated();
            expect(off.gte(0) && off.lte(left)).toBe(true);
            expect(off.decimalPlaces()).toBeLessThanOrEqual(2);
            left = left.minus(off);
          }
          if (percent === "100.00") expect(r.total).toBe("0.00");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never goes below zero on any base, and is the exact decimal product rounded half-up to the fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), offArb, (fen, off) => {
        const taken = amountOff(fen, off);
        expect(Number.isSafeInteger(taken) && taken >= 0 && taken <= fen).toBe(true);
        // decimal.js as the independent oracle of the integer arithmetic.
        const base = new Decimal(fen).dividedBy(100);
        const exact = "percent" in off ? base.times(off.percent).dividedBy(100) : new Decimal(off.amount);
        expect(fenToAmount(taken)).toBe(toAmount(Decimal.min(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), base)));
      }),
    );
  });

  it("an adjustment of any kind is applied by the same arithmetic", () => {
    fc.assert(
      fc.property(cartArb(4), fc.integer({ min: 1, max: 99 }), (cart, percent) => {
        const asQuote: Adjustment = { kind: "quote-discount", code: "Q", percent: String(percent) };
        const asVoucher: Adjustment = { kind: "voucher", code: "P", percent };
        const r = price(cart);
        expect(applyAdjustment(r, asQuote, options).total).toBe(applyAdjustment(r, asVoucher, options).total);
      }),
    );
  });
});
