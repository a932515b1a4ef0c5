import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import type { CartInput, CartLineInput, TermInput } from "@/lib/pricing/types";

const sellable = catalog.editions.filter((e) => e.sales !== "contact-sales");

/** A valid term: 1–11 months or 1–5 years. */
export const termArb: fc.Arbitrary<TermInput> = fc.oneof(
  fc.record({ unit: fc.constant("month"), count: fc.integer({ min: 1, max: 11 }) }),
  fc.record({ unit: fc.constant("year"), count: fc.integer({ min: 1, max: 5 }) }),
);

/**
 * Carts a buyer could plausibly build: a sellable edition, seats in range, and up to `maxLines`
 * add-on lines sold on it. Most are valid; some break the seat caps or term rules on purpose.
 */
export function cartArb(maxLines = 6): fc.Arbitrary<CartInput> {
  return fc.constantFrom(...sellable).chain((edition) => {
    const addons = catalog.addons.filter((a) => a.editions.includes(edition.id));
    const line: fc.Arbitrary<CartLineInput> = fc.record(
      { sku: fc.constantFrom(...addons.map((a) => a.sku)), quantity: fc.integer({ min: 1, max: 4 }), term: termArb },
      { requiredKeys: ["sku", "quantity"] },
    );
    const seats = edition.seats
      ? fc.integer({ min: edition.seats.min, max: edition.seats.max ?? edition.seats.min + 500 })
      : fc.constant(undefined);
    return fc
      .record({
        edition: fc.constant(edition.id),
        seats,
        term: termArb,
        addons: fc.array(line, { maxLength: maxLines }),
      })
      .map(({ seats: s, ...rest }) => (s === undefined ? rest : { ...rest, seats: s }));
  });
}
