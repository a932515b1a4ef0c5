import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import en from "@/messages/en.json" with { type: "json" };
import { applyAdjustment } from "./adjust";
import { m, price, y } from "./test-helpers";
import type { CartInput } from "./types";

const lm500 = { sku: "large-meeting-500", quantity: 1 };

describe("worked examples of PRODUCT.md §2.4", () => {
  const examples: [string, Omit<CartInput, "term">, string, string][] = [
    ["free + 10 Rooms", { edition: "free", addons: [{ sku: "rooms", quantity: 10 }] }, "35000.00", "70000.00"],
    ["pro, 3 seats + 1 large-meeting-500", { edition: "pro", seats: 3, addons: [lm500] }, "13752.00", "27504.00"],
    ["business, 30 seats + 1 large-meeting-500", { edition: "business", seats: 30, addons: [lm500] }, "52488.00", "104976.00"],
    ["education, 30 seats + 1 large-meeting-500", { edition: "education", seats: 30, addons: [lm500] }, "33588.00", "67176.00"],
  ];
  it.each(examples)("%s", (_name, cart, oneYear, twoYears) => {
    const one = price({ ...cart, term: y(1) });
    const two = price({ ...cart, term: y(2) });
    expect(one.errors).toEqual([]);
    expect(one.total).toBe(oneYear);
    expect(two.total).toBe(twoYears);
  });
});

describe("lines", () => {
  it("carries unit price, amount and a readable formula in both languages", () => {
    const cart: CartInput = { edition: "business", seats: 30, term: y(1), addons: [lm500] };
    const [seats, addon] = price(cart).lines;
    expect(seats).toMatchObject({ kind: "seats", sku: "business", quantity: 30, unitPrice: "1390.00", amount: "41700.00" });
    expect(seats?.formula).toBe("30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00");
    expect(addon?.formula).toBe("1 × ¥10,788/licence/yr × 1 yr = ¥10,788.00");
    expect(price(cart, "zh-CN").lines[0]?.formula).toBe("30 × ¥1,390/席/年 × 1 年 = ¥41,700.00");
    expect(price({ ...cart, term: y(2) }).lines[0]?.formula).toBe("30 × ¥1,390/seat/yr × 2 yrs = ¥83,400.00");
  });

  it("prices monthly terms with the monthly price", () => {
    const r = price({ edition: "pro", seats: 2, term: m(6), addons: [{ sku: "recording-100g", quantity: 3 }] });
    expect(r.lines.map((l) => [l.amount, l.formula])).toEqual([
      ["1176.00", "2 × ¥98/seat/mo × 6 mo = ¥1,176.00"],
      ["1260.00", "3 × ¥70/pack/mo × 6 mo = ¥1,260.00"],
    ]);
    expect(r.monthly).toEqual({ total: "2436.00", savings: "0.00" });
  });

  it("prices one-off phone packs at face value without a term", () => {
    const r = price({ edition: "free", term: y(1), addons: [{ sku: "phone-pack-1000", quantity: 10 }] });
    expect(r.lines[0]).toMatchObject({ term: null, amount: "10000.00", formula: "10 × ¥1,000 = ¥10,000.00" });
  });

  it("keeps several specs of one family as separate lines with their own terms", () => {
    const r = price({
      edition: "business",
      seats: 10,
      term: y(2),
      addons: [
        { sku: "large-meeting-500", quantity: 1 },
        { sku: "large-meeting-1000", quantity: 1, term: y(1) },
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.lines.map((l) => [l.sku, l.term, l.amount])).toEqual([
      ["business", { unit: "year", count: 2 }, "27800.00"],
      ["large-meeting-500", { unit: "year", count: 2 }, "21576.00"],
      ["large-meeting-1000", { unit: "year", count: 1 }, "21888.00"],
    ]);
  });
});

describe("what the annual term saves", () => {
  it("compares with the monthly price over the same months", () => {
    const r = price({ edition: "business", seats: 30, term: y(1), addons: [lm500] });
    // 30 × 139 × 12 + 1078 × 12 = 50,040 + 12,936
    expect(r.monthly).toEqual({ total: "62976.00", savings: "10488.00" });
  });

  it("counts no saving for items sold only by the year", () => {
    const r = price({ edition: "free", term: y(1), addons: [{ sku: "rooms", quantity: 2 }] });
    expect(r.monthly).toEqual({ total: "7000.00", savings: "0.00" });
  });
});

describe("half-up rounding once", () => {
  it("rounds each line and sums the rounded lines", () => {
    const c = structuredClone(catalog);
    c.addons.find((a) => a.sku === "recording-50g")!.prices.month = "0.25";
    c.editions.find((e) => e.id === "pro")!.prices.month = "0.05";
    const r = price({ edition: "pro", seats: 1, term: m(1), addons: [{ sku: "recording-50g", quantity: 1 }] }, "en", c);
    expect(r.lines.map((l) => l.amount)).toEqual(["0.05", "0.25"]);
    expect(r.total).toBe("0.30");
  });

  it("rounds a percentage that lands on half a fen up, once, and the total still adds up", () => {
    // pro, 3 seats, 1 month = ¥294.00; 15.75% of it is 46.305: half-up gives 46.31, where
    // half-even (and 294 * 15.75 / 100 in binary floats) gives 46.30.
    const r = price({ edition: "pro", seats: 3, term: m(1), addons: [] });
    expect(r.total).toBe("294.00");
    const off = applyAdjustment(r, { kind: "quote-discount", code: "Q", percent: "15.75" }, { locale: "en", messages: en.Pricing });
    expect(off.adjustments.map((a) => [a.amount, a.formula])).toEqual([["-46.31", "¥294.00 × 15.75% = -¥46.31"]]);
    expect(off.total).toBe("247.69");
    // The same half fen on a fractional catalog price: 5% of ¥0.10 × 1 = 0.005 → 0.01.
    const c = structuredClone(catalog);
    c.editions.find((e) => e.id === "pro")!.prices.month = "0.10";
    const small = price({ edition: "pro", seats: 1, term: m(1), addons: [] }, "en", c);
    const voucher = applyAdjustment(small, { kind: "voucher", code: "P", percent: 5 }, { locale: "en", messages: en.Pricing });
    expect([voucher.adjustments[0]?.amount, voucher.total]).toEqual(["-0.01", "0.09"]);
  });
});
