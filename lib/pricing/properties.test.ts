import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, toAmount } from "@/lib/money/decimal";
import { catalog } from "@/lib/catalog";
import { cartArb } from "@/lib/testing/arbitraries";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { priceCart } from "./price";
import { price } from "./test-helpers";

describe("pricing invariants", () => {
  it("total = Σ lines, and every line = quantity × unit price × periods", () => {
    fc.assert(
      fc.property(cartArb(10), (cart) => {
        const r = price(cart);
        const sum = r.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
        expect(r.total).toBe(toAmount(sum));
        for (const l of r.lines) {
          expect(toAmount(new Decimal(l.unitPrice).times(l.quantity).times(l.term?.count ?? 1))).toBe(l.amount);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a valid cart prices every line it has", () => {
    fc.assert(
      fc.property(cartArb(), (cart) => {
        const r = price(cart);
        fc.pre(r.ok);
        expect(r.lines).toHaveLength(cart.addons.length + (cart.seats === undefined ? 0 : 1));
      }),
    );
  });

  it("one more unit of any line never lowers the total", () => {
    fc.assert(
      fc.property(cartArb(), fc.nat(), (cart, pick) => {
        const before = price(cart);
        fc.pre(before.ok);
        const i = pick % (cart.addons.length + 1);
        const more =
          i === cart.addons.length
            ? { ...cart, seats: cart.seats === undefined ? undefined : cart.seats + 1 }
            : { ...cart, addons: cart.addons.map((l, j) => (j === i ? { ...l, quantity: l.quantity + 1 } : l)) };
        const after = price(more);
        if (after.ok) expect(new Decimal(after.total).gte(before.total)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the monthly comparison never shows a negative saving", () => {
    fc.assert(
      fc.property(cartArb(), (cart) => {
        expect(new Decimal(price(cart).monthly.savings).gte(0)).toBe(true);
      }),
    );
  });

  it("the words and prices cached per item and term give what a cold start builds", () => {
    // A fresh copy of the catalog and messages has no cache entries, so every line is built from scratch.
    fc.assert(
      fc.property(cartArb(10), fc.constantFrom("en" as const, "zh-CN" as const), (cart, locale) => {
        const messages = (locale === "en" ? en : zhCN).Pricing;
        const warm = priceCart(cart, catalog, { locale, messages });
        const cold = priceCart(cart, structuredClone(catalog), { locale, messages: structuredClone(messages) });
        expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
      }),
      { numRuns: 300 },
    );
  });

  it("errors come out in both languages for the same codes and paths", () => {
    fc.assert(
      fc.property(cartArb(), (cart) => {
        const strip = (r: ReturnType<typeof price>) => r.errors.map((e) => `${e.code}@${e.path}`);
        expect(strip(price(cart, "zh-CN"))).toEqual(strip(price(cart, "en")));
      }),
    );
  });
});
