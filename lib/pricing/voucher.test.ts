import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fenToAmount } from "@/lib/money";
import { Decimal, toAmount } from "@/lib/money/decimal";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { cartArb } from "@/lib/testing/arbitraries";
import { price, y } from "./test-helpers";
import type { PriceResult, VoucherTerms } from "./types";
import { applyVoucher, voucherDiscount } from "./voucher";

const business = { edition: "business", seats: 30, term: y(1), addons: [{ sku: "large-meeting-500", quantity: 1 }] };
const apply = (r: PriceResult, v: VoucherTerms, locale: "en" | "zh-CN" = "en") =>
  applyVoucher(r, v, { locale, messages: (locale === "en" ? en : zhCN).Pricing });

describe("vouchers", () => {
  it("leaves a cart without a voucher at subtotal = total and no adjustments", () => {
    const r = price(business);
    expect(r).toMatchObject({ subtotal: "52488.00", total: "52488.00", adjustments: [] });
  });

  it.each([
    ["52488.00", 15, "7873.20"],
    ["52488.00", 10, "5248.80"],
    ["0.10", 33, "0.03"],
    ["0.05", 10, "0.01"], // 0.005 rounds half-up
    ["0.01", 49, "0.00"],
    ["0.01", 50, "0.01"],
    ["99.99", 99, "98.99"],
    ["0.00", 50, "0.00"],
  ])("%s × %i%% takes off %s, rounded half-up once", (subtotal, percent, off) => {
    expect(toAmount(voucherDiscount(new Decimal(subtotal), { code: "P", kind: "percent", percent }))).toBe(off);
  });

  it("applies a percent voucher as a line of its own", () => {
    const r = apply(price(business), { code: "TEN", kind: "percent", percent: 10 });
    expect(r.ok).toBe(true);
    expect(r.subtotal).toBe("52488.00");
    expect(r.adjustments).toEqual([
      { kind: "voucher", code: "TEN", label: "Voucher TEN", amount: "-5248.80", formula: "¥52,488.00 × 10% = -¥5,248.80" },
    ]);
    expect(r.total).toBe("47239.20");
  });

  it("takes a cash voucher up to the subtotal, never below zero", () => {
    expect(apply(price(business), { code: "C", kind: "cash", amount: "100.00" }).total).toBe("52388.00");
    const free = apply(price(business), { code: "C", kind: "cash", amount: "99999.00" });
    expect(free.total).toBe("0.00");
    expect(free.adjustments[0]?.amount).toBe("-52488.00");
  });

  it("refuses a voucher whose minimum spend the subtotal misses, in both languages", () => {
    const v: VoucherTerms = { code: "BIG", kind: "cash", amount: "100.00", minimumSpend: "60000.00" };
    const r = apply(price(business), v);
    expect(r.ok).toBe(false);
    expect(r.total).toBe("52488.00");
    expect(r.adjustments).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: "VOUCHER_MIN_SPEND",
        path: "voucher",
        message: "Voucher BIG needs an order of at least ¥60,000.00; the subtotal is ¥52,488.00.",
      }),
    ]);
    expect(apply(price(business), v, "zh-CN").errors[0]?.message).toContain("¥60,000.00");
    expect(apply(price(business), { ...v, minimumSpend: "52488.00" }).total).toBe("52388.00");
  });

  const voucherArb = fc.oneof(
    fc.record({ code: fc.constant("P"), kind: fc.constant("percent" as const), percent: fc.integer({ min: 1, max: 99 }) }),
    fc.record({
      code: fc.constant("C"),
      kind: fc.constant("cash" as const),
      amount: fc.integer({ min: 1, max: 10_000_000 }).map(fenToAmount),
    }),
  );

  it("never takes a total below zero; discount ≤ subtotal; total = subtotal + Σ adjustments", () => {
    fc.assert(
      fc.property(cartArb(6), voucherArb, (cart, voucher) => {
        const r = apply(price(cart), voucher);
        const subtotal = new Decimal(r.subtotal);
        const adjustments = r.adjustments.reduce((s, a) => s.plus(a.amount), new Decimal(0));
        expect(new Decimal(r.total).gte(0)).toBe(true);
        expect(adjustments.negated().lte(subtotal)).toBe(true);
        expect(adjustments.lte(0)).toBe(true);
        expect(r.total).toBe(toAmount(subtotal.plus(adjustments)));
      }),
      { numRuns: 300 },
    );
  });

  it("never goes below zero on any subtotal, including fractions of a fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), voucherArb, (fen, voucher) => {
        const subtotal = new Decimal(fen).dividedBy(100);
        const off = voucherDiscount(subtotal, voucher);
        expect(off.gte(0) && off.lte(subtotal)).toBe(true);
        expect(off.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });
});
