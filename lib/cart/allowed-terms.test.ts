import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import { m, price, y } from "@/lib/pricing/test-helpers";
import type { CartInput, TermInput } from "@/lib/pricing/types";
import { cartArb } from "@/lib/testing/arbitraries";
import { setLineTerm } from "./edit";
import { allowedTerms, catalogTerms } from "./allowed-terms";

const label = (t: TermInput) => `${t.count}${t.unit === "year" ? "y" : "m"}`;
const business = (term: TermInput, line: CartInput["addons"][number]): CartInput => ({
  edition: "business",
  seats: 6,
  term,
  addons: [line],
});
const months = (to: number) => Array.from({ length: to }, (_, i) => `${i + 1}m`);
const years = (to: number) => Array.from({ length: to }, (_, i) => `${i + 1}y`);

describe("allowedTerms", () => {
  const rows: [string, CartInput, boolean, string[]][] = [
    ["webinar-500 (yearly only, bound) on 1-month seats: nothing", business(m(1), { sku: "webinar-500", quantity: 1 }), false, []],
    ["webinar-500 on 2-year seats: 1 and 2 years", business(y(2), { sku: "webinar-500", quantity: 1 }), true, ["1y", "2y"]],
    ["webinar-300 on 6-month seats: 1–6 months", business(m(6), { sku: "webinar-300", quantity: 1 }), true, months(6)],
    [
      "recording-50g on 1-year seats: 1 year and every month",
      business(y(1), { sku: "recording-50g", quantity: 1 }),
      true,
      ["1y", ...months(11)],
    ],
    ["rooms (not bound) on 1-month seats: any number of years", business(m(1), { sku: "rooms", quantity: 1 }), false, years(5)],
    ["rooms on 3-year seats: any number of years", business(y(3), { sku: "rooms", quantity: 1 }), true, years(5)],
    ["mra on 5-year seats: 1–5 years", business(y(5), { sku: "mra", quantity: 1 }), true, years(5)],
    ["a phone pack takes no term", business(y(1), { sku: "phone-pack-20", quantity: 1 }), false, []],
    ["an unknown sku takes no term", business(y(1), { sku: "hologram", quantity: 1 }), false, []],
  ];
  it.each(rows)("%s", (_, cart, followSeats, terms) => {
    const allowed = allowedTerms(cart, 0, catalog);
    expect(allowed.followSeats).toBe(followSeats);
    expect(allowed.terms.map(label)).toEqual(terms);
  });

  it("offers exactly the terms the pricing rules accept at the line's term", () => {
    fc.assert(
      fc.property(cartArb(4), (cart) => {
        cart.addons.forEach((_, i) => {
          const path = `addons[${i}].term`;
          const ok = (term: TermInput | undefined) => !price(setLineTerm(cart, i, term)).errors.some((e) => e.path === path);
          const allowed = allowedTerms(cart, i, catalog);
          const oneOff = catalog.addons.find((a) => a.sku === cart.addons[i]!.sku)?.prices.once !== undefined;
          expect(allowed.terms.map(label)).toEqual(
            oneOff
              ? []
              : catalogTerms(catalog)
                  .filter((t) => ok(t))
                  .map(label),
          );
          if (!oneOff) expect(allowed.followSeats).toBe(ok(undefined));
        });
      }),
      { numRuns: 200 },
    );
  });
});
