import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { price, y } from "@/lib/pricing/test-helpers";
import { priceCart } from "@/lib/pricing";
import { catalog } from "@/lib/catalog";
import en from "@/messages/en.json" with { type: "json" };
import { cartArb } from "@/lib/testing/arbitraries";
import { choosingEdition, decodeCart, encodeCart, isStartBreach } from "./url";

const q = (s: string) => new URLSearchParams(s);

describe("decodeCart", () => {
  it("reads the example link of PRODUCT.md §3", () => {
    const { cart, errors } = decodeCart(q("edition=business&seats=30&term=1y&add=large-meeting-500:1&add=recording-1t:2:1y"));
    expect(errors).toEqual([]);
    expect(cart).toEqual({
      edition: "business",
      seats: 30,
      term: { unit: "year", count: 1 },
      addons: [
        { sku: "large-meeting-500", quantity: 1 },
        { sku: "recording-1t", quantity: 2, term: { unit: "year", count: 1 } },
      ],
    });
  });

  it("treats a missing edition and term as a fresh cart, not an error", () => {
    expect(decodeCart(q(""))).toEqual({ cart: { edition: "", term: { unit: "year", count: 1 }, addons: [] }, errors: [] });
  });

  it.each([
    ["seats=abc", "QUANTITY_INVALID", "seats"],
    ["seats=-3", "QUANTITY_INVALID", "seats"],
    ["term=1w", "TERM_INVALID", "term"],
    ["term=", "TERM_INVALID", "term"],
    ["add=rooms", "QUANTITY_INVALID", "addons[0].quantity"],
    ["add=rooms:x", "QUANTITY_INVALID", "addons[0].quantity"],
    ["add=rooms:1:2q", "TERM_INVALID", "addons[0].term"],
    ["add=rooms:1:1y:9", "QUANTITY_INVALID", "addons[0].quantity"],
  ])("reports %s at its field", (query, code, path) => {
    const { errors } = decodeCart(q(`edition=business&${query}`));
    expect(errors.map((e) => ({ code: e.code, path: e.path }))).toContainEqual({ code, path });
  });

  it("keeps a readable but invalid value for the rules to report, without correcting it", () => {
    const { cart, errors } = decodeCart(q("edition=pro&seats=9&term=12m&add=mra:1"));
    expect(errors).toEqual([]);
    expect(cart).toMatchObject({ seats: 9, term: { unit: "month", count: 12 } });
    expect(price(cart).errors.map((e) => e.code)).toEqual(["TERM_INVALID", "SEATS_OUT_OF_RANGE", "ADDON_NOT_AVAILABLE"]);
  });

  it("replaces the rule's own report with the codec's at the same field", () => {
    const decoded = decodeCart(q("edition=business&seats=lots"));
    const result = priceCart(decoded.cart, catalog, { locale: "en", messages: en.Pricing, breaches: decoded.errors });
    expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ["QUANTITY_INVALID", "seats", "The quantity must be a whole number from 1 to 999."],
    ]);
  });
});

describe("round trip", () => {
  it("a cart's link decodes to the same cart and the same price", () => {
    fc.assert(
      fc.property(cartArb(), (cart) => {
        const decoded = decodeCart(q(encodeCart(cart)));
        expect(decoded.errors).toEqual([]);
        expect(decoded.cart).toEqual(cart);
        expect(price(decoded.cart)).toEqual(price(cart));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the start state", () => {
  it.each([
    ["bare /buy", "", true],
    ["an empty edition", "edition=", true],
    ["seats without an edition", "seats=30", true],
    ["a chosen edition", "edition=pro", false],
    ["an unknown edition", "edition=gold", false],
  ])("%s: choosing an edition is %s", (_, query, choosing) => {
    expect(choosingEdition(decodeCart(new URLSearchParams(query)).cart)).toBe(choosing);
  });

  it("tells the start breach (no edition yet) from an unknown edition", () => {
    const code = (edition: string) => price({ edition, term: y(1), addons: [] }).errors.filter(isStartBreach).length;
    expect(code("")).toBe(1);
    expect(code("gold")).toBe(0);
    expect(price({ edition: "", term: y(1), addons: [] }).errors.map((e) => e.code)).toEqual(["UNKNOWN_EDITION"]);
  });
});
