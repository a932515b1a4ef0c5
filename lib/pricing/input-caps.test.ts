import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "./price";
import { MAX_CART_LINES } from "./rules";
import { y } from "./test-helpers";
import type { CartInput } from "./types";

const base = (addons: CartInput["addons"], over: Partial<CartInput> = {}): CartInput => ({
  edition: "business",
  seats: 10,
  term: y(1),
  addons,
  ...over,
});
const lines = (n: number, sku = "rooms", quantity = 1) => Array.from({ length: n }, () => ({ sku, quantity }));
const price = (cart: CartInput, locale: "en" | "zh-CN" = "en") =>
  priceCart(cart, catalog, { locale, messages: messagesFor(locale).Pricing });
const codes = (cart: CartInput) => price(cart).errors.map(({ code, path }) => ({ code, path }));

describe("caps on the number of lines and on each sku across lines", () => {
  it.each([
    [
      "2 × 999 rooms",
      [
        { sku: "rooms", quantity: 999 },
        { sku: "rooms", quantity: 999 },
      ],
      [{ code: "SKU_QUANTITY_LIMIT", path: "addons[1].quantity" }],
    ],
    [
      "999 + 1 rooms",
      [
        { sku: "rooms", quantity: 999 },
        { sku: "rooms", quantity: 1 },
      ],
      [{ code: "SKU_QUANTITY_LIMIT", path: "addons[1].quantity" }],
    ],
    [
      "500 + 499 rooms",
      [
        { sku: "rooms", quantity: 500 },
        { sku: "rooms", quantity: 499 },
      ],
      [],
    ],
    [
      "999 rooms and 999 MRA",
      [
        { sku: "rooms", quantity: 999 },
        { sku: "mra", quantity: 999 },
      ],
      [],
    ],
    ["rooms on three lines, 400 each", lines(3, "rooms", 400), [{ code: "SKU_QUANTITY_LIMIT", path: "addons[2].quantity" }]],
    // A line over 999 on its own keeps its own code and does not count twice.
    ["1,000 rooms on one line", [{ sku: "rooms", quantity: 1000 }], [{ code: "QUANTITY_INVALID", path: "addons[0].quantity" }]],
    [
      "a 1,000-room line beside 999 rooms",
      [
        { sku: "rooms", quantity: 1000 },
        { sku: "rooms", quantity: 999 },
      ],
      [{ code: "QUANTITY_INVALID", path: "addons[0].quantity" }],
    ],
    [
      "998 MRA, 1 room and 1 more room",
      [
        { sku: "mra", quantity: 998 },
        { sku: "rooms", quantity: 1 },
        { sku: "rooms", quantity: 1 },
      ],
      [],
    ],
    [`${MAX_CART_LINES} lines`, lines(MAX_CART_LINES), []],
    [`${MAX_CART_LINES + 1} lines`, lines(MAX_CART_LINES + 1), [{ code: "TOO_MANY_LINES", path: "addons" }]],
    ["6,000 lines", lines(6000), [{ code: "TOO_MANY_LINES", path: "addons" }]],
    ["20,000 lines", lines(20_000), [{ code: "TOO_MANY_LINES", path: "addons" }]],
    ["200,000 lines", lines(200_000), [{ code: "TOO_MANY_LINES", path: "addons" }]],
  ] as const)("%s", (_, addons, expected) => {
    expect(codes(base([...addons]))).toEqual(expected);
  });

  it("keeps the per-edition rooms limit its own code (free: 49), without a second error at the same line", () => {
    expect(
      codes(
        base(
          [
            { sku: "rooms", quantity: 600 },
            { sku: "rooms", quantity: 600 },
          ],
          { edition: "free", seats: undefined },
        ),
      ),
    ).toEqual([{ code: "ROOMS_LIMIT", path: "addons[1].quantity" }]);
  });

  it("says so in the buyer's language, with the most the line may hold", () => {
    const cart = base([
      { sku: "rooms", quantity: 999 },
      { sku: "rooms", quantity: 999 },
    ]);
    const [en] = price(cart, "en").errors;
    const [zh] = price(cart, "zh-CN").errors;
    expect(en?.params).toMatchObject({ limit: 999, total: 1998, max: 0 });
    expect(en?.message).toContain("at most 999 in total");
    expect(en?.message).toContain("1998");
    expect(zh?.message).toContain("合计最多 999");
    const many = price(base(lines(6000)), "zh-CN").errors[0];
    expect(many?.message).toBe(`购物车最多可含 ${MAX_CART_LINES} 条附加项；当前有 6000 条。请合并同一附加项的多条。`);
  });

  it("prices 200,000 lines in bounded time (refused before any line is looked at)", () => {
    const started = performance.now();
    price(base(lines(200_000)));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("property: a priced cart never holds more than 999 of any sku, nor more lines than the cap", () => {
    const line = fc.record({ sku: fc.constantFrom("rooms", "mra", "recording-1t"), quantity: fc.integer({ min: 1, max: 999 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: MAX_CART_LINES + 5 }), (addons) => {
        const result = price(base(addons));
        if (!result.ok) return;
        expect(addons.length).toBeLessThanOrEqual(MAX_CART_LINES);
        const totals = new Map<string, number>();
        for (const l of result.lines) totals.set(l.sku, (totals.get(l.sku) ?? 0) + l.quantity);
        for (const [sku, total] of totals) if (sku !== "business") expect(total).toBeLessThanOrEqual(999);
      }),
    );
  });
});
