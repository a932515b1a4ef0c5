import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import { m, price, y } from "@/lib/pricing/test-helpers";
import type { CartInput } from "@/lib/pricing/types";
import { cartArb } from "@/lib/testing/arbitraries";
import { fixesFor } from "./fixes";

const fixes = (cart: CartInput) => {
  const [error] = price(cart).errors;
  return fixesFor(error!, cart, catalog).map((f) => ({ key: f.key, values: f.values, after: price(f.cart) }));
};

describe("fixesFor", () => {
  it("offers business for 6 seats on pro", () => {
    const [fix] = fixes({ edition: "pro", seats: 6, term: y(1), addons: [] });
    expect(fix).toMatchObject({ key: "switchEdition", values: { edition: "business" } });
    expect(fix?.after.ok).toBe(true);
  });

  it("offers to lower large meetings or raise seats", () => {
    const cart = {
      edition: "business",
      seats: 6,
      term: y(1),
      addons: [
        { sku: "large-meeting-500", quantity: 2 },
        { sku: "large-meeting-1000", quantity: 7 },
      ],
    };
    const out = fixes(cart);
    expect(out.map((f) => [f.key, f.values])).toEqual([
      ["lowerTo", { max: 4 }],
      ["raiseSeats", { seats: 9 }],
    ]);
    expect(out.every((f) => f.after.ok)).toBe(true);
  });

  it("makes an add-on follow the seats' term, or buys Rooms by the year", () => {
    expect(
      fixes({ edition: "business", seats: 6, term: m(6), addons: [{ sku: "recording-50g", quantity: 1, term: m(9) }] })[0],
    ).toMatchObject({ key: "followSeats", after: { ok: true } });
    expect(fixes({ edition: "business", seats: 6, term: m(6), addons: [{ sku: "rooms", quantity: 1 }] })[0]).toMatchObject({
      key: "yearly",
      after: { ok: true },
    });
    expect(fixes({ edition: "business", seats: 6, term: m(6), addons: [{ sku: "mra", quantity: 1 }] })[0]).toMatchObject({
      key: "removeLine",
      after: { ok: true },
    });
  });

  it("every fix offered for a single problem leaves a cart without that problem", () => {
    fc.assert(
      fc.property(cartArb(), (cart) => {
        const { errors } = price(cart);
        fc.pre(errors.length === 1);
        for (const fix of fixesFor(errors[0]!, cart, catalog)) {
          const after = price(fix.cart).errors.map((e) => `${e.code}@${e.path}`);
          expect(after).not.toContain(`${errors[0]!.code}@${errors[0]!.path}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
