import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import { m, price, y } from "@/lib/pricing/test-helpers";
import type { CartInput } from "@/lib/pricing/types";
import { cartArb } from "@/lib/testing/arbitraries";
import { fixesFor, resolves, salesLead } from "./fixes";

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

  // Table: a broken cart, the fixes offered for its first problem (key and values), each leading to a cart that prices.
  const table: [string, CartInput, [string, Record<string, string | number>][]][] = [
    [
      "webinar-500 on a 1-month term: remove it, or buy the accounts by the year (never “buy it yearly”, which exceeds the seats)",
      { edition: "business", seats: 6, term: m(1), addons: [{ sku: "webinar-500", quantity: 1 }] },
      [
        ["removeLine", {}],
        ["seatsYearly", {}],
      ],
    ],
    [
      "webinar-500 with its own 1-month term on yearly seats: follow the seats or buy it yearly",
      { edition: "business", seats: 6, term: y(1), addons: [{ sku: "webinar-500", quantity: 1, term: m(1) }] },
      [
        ["followSeats", {}],
        ["yearly", {}],
      ],
    ],
    [
      "recording-1t for 2 years on 6-month seats: the line alone cannot be fixed, the seats by the year can",
      { edition: "business", seats: 6, term: m(6), addons: [{ sku: "recording-1t", quantity: 1, term: y(2) }] },
      [
        ["removeLine", {}],
        ["seatsYearly", {}],
      ],
    ],
    [
      "300 business accounts: lower to 255 (Enterprise is a link to sales, not a cart)",
      { edition: "business", seats: 300, term: y(1), addons: [] },
      [["lowerSeats", { seats: 255 }]],
    ],
    [
      "3 business accounts: Pro, or raise to 6",
      { edition: "business", seats: 3, term: y(1), addons: [] },
      [
        ["switchEdition", { edition: "pro" }],
        ["raiseSeats", { seats: 6 }],
      ],
    ],
    [
      "30 education accounts over the range: lower to 255",
      { edition: "education", seats: 300, term: y(1), addons: [] },
      [["lowerSeats", { seats: 255 }]],
    ],
    [
      "a phone pack with a term: remove the term",
      { edition: "pro", seats: 1, term: y(1), addons: [{ sku: "phone-pack-20", quantity: 1, term: y(1) }] },
      [["clearTerm", {}]],
    ],
  ];
  it.each(table)("%s", (_, cart, expected) => {
    const out = fixes(cart);
    expect(out.map((f) => [f.key, f.values])).toEqual(expected);
    expect(out.every((f) => f.after.ok)).toBe(true);
  });

  it("does not offer a fix that trades one problem for another: 300 business accounts over 280 webinars", () => {
    const cart = { edition: "business", seats: 300, term: y(1), addons: [{ sku: "webinar-300", quantity: 280 }] };
    // 255 accounts would break the webinar cap (rule 4), so only sales is left.
    expect(fixes(cart)).toEqual([]);
    const [error] = price(cart).errors;
    expect(salesLead(error!, cart, catalog)).toEqual({
      item: "enterprise",
      seats: 300,
      href: "/contact-sales?edition=enterprise&seats=300",
    });
  });

  it.each([
    [
      "edition=enterprise",
      { edition: "enterprise", seats: 300, term: y(1), addons: [] },
      { item: "enterprise", href: "/contact-sales?edition=enterprise" },
    ],
    [
      "addon=webinar-20000",
      { edition: "business", seats: 6, term: y(1), addons: [{ sku: "webinar-20000", quantity: 1 }] },
      { item: "webinar-20000", href: "/contact-sales?addon=webinar-20000" },
    ],
    [
      "seats=300 for Enterprise",
      { edition: "business", seats: 300, term: y(1), addons: [] },
      { item: "enterprise", seats: 300, href: "/contact-sales?edition=enterprise&seats=300" },
    ],
    ["nothing for 6 pro accounts (Business is sold online)", { edition: "pro", seats: 6, term: y(1), addons: [] }, undefined],
  ] as [string, CartInput, ReturnType<typeof salesLead>][])("sends a sales-only case to the contact-sales form: %s", (_, cart, lead) => {
    const [error] = price(cart).errors;
    expect(salesLead(error!, cart, catalog)).toEqual(lead);
  });

  it("every fix offered, for any problem of any cart, removes its problem and adds none", () => {
    const keys = (c: CartInput) => new Set(price(c).errors.map((e) => `${e.code}@${e.path}`));
    fc.assert(
      // Seats anywhere from 1 to 400 too, so seat-range fixes are exercised as well as line fixes.
      fc.property(cartArb(), fc.option(fc.integer({ min: 1, max: 400 })), (generated, seats) => {
        const cart = seats === null || generated.seats === undefined ? generated : { ...generated, seats };
        const before = keys(cart);
        for (const error of price(cart).errors) {
          for (const fix of fixesFor(error, cart, catalog)) {
            const removed = fix.key === "removeLine" ? Number(/^addons\[(\d+)\]/.exec(error.path)?.[1]) : undefined;
            // Paths after a removed line move up by one: read them as they were.
            const after = [...keys(fix.cart)].map((k) =>
              removed === undefined
                ? k
                : k.replace(/@addons\[(\d+)\]/, (m0, n) => (Number(n) >= removed ? `@addons[${Number(n) + 1}]` : m0)),
            );
            expect(after).not.toContain(`${error.code}@${error.path}`);
            for (const k of after) expect(before.has(k), `${fix.key} for ${error.code} adds ${k}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("resolves() refuses a repair that leads on to a new problem", () => {
    const cart = { edition: "business", seats: 6, term: m(1), addons: [{ sku: "webinar-500", quantity: 1 }] };
    const [error] = price(cart).errors;
    const buyItYearly = {
      key: "yearly" as const,
      values: {},
      cart: { ...cart, addons: [{ sku: "webinar-500", quantity: 1, term: y(1) }] },
    };
    expect(price(buyItYearly.cart).errors.map((e) => e.code)).toEqual(["ADDON_TERM_EXCEEDS_SEATS_TERM"]);
    expect(resolves(error!, cart, buyItYearly, catalog)).toBe(false);
  });
});
