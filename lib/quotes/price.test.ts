import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import type { CartInput } from "@/lib/pricing/types";
import { y, m } from "@/lib/pricing/test-helpers";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { priceQuote, type QuoteTerms } from "./price";

const options = { locale: "en" as const, messages: en.Pricing };
const business: CartInput = { edition: "business", seats: 30, term: y(1), addons: [{ sku: "large-meeting-500", quantity: 1 }] };
const terms = (change: Partial<QuoteTerms> = {}): QuoteTerms => ({
  cart: business,
  discountPercent: "0",
  negotiatedSeatPrice: null,
  ...change,
});

describe("priceQuote", () => {
  it("business, 30 seats + 1 large-meeting-500, 1 year, 10% off → 47239.20", () => {
    const r = priceQuote(terms({ discountPercent: "10", reference: "QT20261122-ABCDEF" }), catalog, options);
    expect(r).toMatchObject({ ok: true, subtotal: "52488.00", total: "47239.20" });
    expect(r.adjustments).toEqual([
      {
        kind: "quote-discount",
        code: "QT20261122-ABCDEF",
        label: "Quote discount 10%",
        amount: "-5248.80",
        formula: "¥52,488.00 × 10% = -¥5,248.80",
      },
    ]);
  });

  it("reads the percent as the database returns it and labels in Chinese", () => {
    const r = priceQuote(terms({ discountPercent: "10.00" }), catalog, { locale: "zh-CN", messages: zhCN.Pricing });
    expect(r.total).toBe("47239.20");
    expect(r.adjustments[0]?.label).toBe("报价折扣 10%");
  });

  it("100% off prices to 0.00 (validation keeps quotes below it)", () => {
    const r = priceQuote(terms({ discountPercent: "100.00" }), catalog, options);
    expect(r.adjustments[0]?.amount).toBe("-52488.00");
    expect(r.total).toBe("0.00");
  });

  it("without a discount is exactly the store price, with no adjustment", () => {
    const r = priceQuote(terms(), catalog, options);
    expect(r).toMatchObject({ total: "52488.00", adjustments: [] });
  });

  it("rounds a fractional percent half-up to the fen once", () => {
    // 52488.00 × 15.01% = 7878.4488 → 7878.45
    expect(priceQuote(terms({ discountPercent: "15.01" }), catalog, options).total).toBe("44609.55");
  });

  it("prices enterprise seats at the negotiated price, add-ons at list, rules on the real seat count", () => {
    const cart: CartInput = {
      edition: "enterprise",
      seats: 300,
      term: y(2),
      addons: [
        { sku: "large-meeting-500", quantity: 2 },
        { sku: "mra", quantity: 1 },
      ],
    };
    const r = priceQuote({ cart, discountPercent: "5", negotiatedSeatPrice: "1000.00" }, catalog, options);
    expect(r.ok).toBe(true);
    expect(r.lines.map((l) => [l.sku, l.unitPrice, l.amount])).toEqual([
      ["enterprise", "1000.00", "600000.00"],
      ["large-meeting-500", "10788.00", "43152.00"],
      ["mra", "5000.00", "10000.00"],
    ]);
    expect(r.subtotal).toBe("653152.00");
    expect(r.total).toBe("620494.40");
  });

  it("monthly terms use the negotiated price per seat per month; caps still check the seat count", () => {
    const cart: CartInput = { edition: "education-plus", seats: 256, term: m(3), addons: [{ sku: "large-meeting-500", quantity: 257 }] };
    const r = priceQuote({ cart, discountPercent: "0", negotiatedSeatPrice: "50" }, catalog, options);
    expect(r.lines[0]).toMatchObject({ sku: "education-plus", amount: "38400.00" });
    expect(r.errors.map((e) => e.code)).toEqual(["LARGE_MEETING_EXCEEDS_SEATS"]);
  });

  it("a negotiated price under 256 seats is refused by the edition's seat range, at the seats field", () => {
    const r = priceQuote(terms({ cart: { ...business, edition: "enterprise", seats: 255 }, negotiatedSeatPrice: "900" }), catalog, options);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([["SEATS_OUT_OF_RANGE", "seats"]]);
  });

  it("a negotiated price holds only in the unit it was agreed in", () => {
    const cart: CartInput = { edition: "enterprise", seats: 300, term: y(1), addons: [] };
    const r = priceQuote({ cart, discountPercent: "0", negotiatedSeatPrice: "100", negotiatedUnit: "month" }, catalog, options);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([["BILLING_UNIT_NOT_SOLD", "term"]]);
    expect(priceQuote({ cart, discountPercent: "0", negotiatedSeatPrice: "1000", negotiatedUnit: "year" }, catalog, options).total).toBe(
      "300000.00",
    );
  });

  it("contact-sales editions without a negotiated price still need sales", () => {
    const r = priceQuote(terms({ cart: { edition: "enterprise", seats: 300, term: y(1), addons: [] } }), catalog, options);
    expect(r.errors.map((e) => e.code)).toContain("CONTACT_SALES");
  });

  it.each([
    ["negotiated price on a self-serve edition", terms({ negotiatedSeatPrice: "900" })],
    ["percent above 100", terms({ discountPercent: "100.01" })],
    ["negative percent", terms({ discountPercent: "-1" })],
    ["three decimals", terms({ discountPercent: "1.005" })],
  ])("throws on terms validation must refuse: %s", (_, bad) => {
    expect(() => priceQuote(bad, catalog, options)).toThrow();
  });
});
