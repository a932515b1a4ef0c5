import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import { price } from "@/lib/pricing/test-helpers";
import { cartArb } from "@/lib/testing/arbitraries";
import type { CartInput } from "@/lib/pricing/types";
import { lineAllowance, rememberSeats, setEdition, setLineQuantity, setLineTerm, type SeatMemory } from "./edit";

const cart = (over: Partial<CartInput>): CartInput => ({
  edition: "business",
  seats: 10,
  term: { unit: "year", count: 1 },
  addons: [],
  ...over,
});

describe("lineAllowance", () => {
  it.each([
    [
      "large meetings left = seats − those chosen",
      cart({ addons: [{ sku: "large-meeting-500", quantity: 4 }] }),
      -1,
      "large-meeting-1000",
      6,
    ],
    [
      "a line's own quantity does not count against it",
      cart({ addons: [{ sku: "large-meeting-500", quantity: 4 }] }),
      0,
      "large-meeting-500",
      10,
    ],
    [
      "webinars share the seats across tiers",
      cart({
        seats: 8,
        addons: [
          { sku: "webinar-300", quantity: 3 },
          { sku: "webinar-500", quantity: 5 },
        ],
      }),
      1,
      "webinar-500",
      5,
    ],
    ["large meetings do not use webinar allowance", cart({ addons: [{ sku: "webinar-300", quantity: 10 }] }), -1, "large-meeting-500", 10],
    ["free Rooms stop at 49", cart({ edition: "free", seats: undefined, addons: [{ sku: "rooms", quantity: 40 }] }), -1, "rooms", 9],
    ["business Rooms stop at 999", cart({ addons: [] }), -1, "rooms", 999],
    ["none left", cart({ seats: 6, addons: [{ sku: "large-meeting-500", quantity: 6 }] }), -1, "large-meeting-2000", 0],
  ])("%s", (_n, c, index, sku, expected) => {
    expect(lineAllowance(c, catalog, index, sku)).toBe(expected);
  });

  it("filling any line up to its allowance never breaks a cap rule", () => {
    fc.assert(
      fc.property(cartArb(), fc.nat(), (c, pick) => {
        fc.pre(c.addons.length > 0 && price(c).ok);
        const i = pick % c.addons.length;
        const line = c.addons[i]!;
        const filled = setLineQuantity(c, i, line.sku, lineAllowance(c, catalog, i, line.sku));
        const codes = price(filled).errors.map((e) => e.code);
        expect(codes).not.toContain("LARGE_MEETING_EXCEEDS_SEATS");
        expect(codes).not.toContain("WEBINAR_EXCEEDS_SEATS");
        expect(codes).not.toContain("ROOMS_LIMIT");
      }),
    );
  });
});

describe("edits", () => {
  it("keeps seats inside the new edition's range when switching edition", () => {
    expect(setEdition(cart({ edition: "pro", seats: 3 }), "business", catalog).seats).toBe(6);
    expect(setEdition(cart({ seats: 30 }), "pro", catalog).seats).toBe(5);
    expect(setEdition(cart({ seats: 30 }), "free", catalog).seats).toBeUndefined();
    expect(setEdition(cart({ seats: 30 }), "education", catalog).seats).toBe(30);
  });

  it.each<[string, CartInput, string, SeatMemory, number | undefined]>([
    ["a remembered figure comes back", cart({ edition: "pro", seats: 5 }), "business", { business: 30 }, 30],
    ["a remembered figure outside the range is not used", cart({ edition: "pro", seats: 5 }), "business", { business: 300 }, 6],
    ["another edition's memory is not used", cart({ edition: "pro", seats: 5 }), "business", { pro: 3 }, 6],
    ["no memory: the current seats within range", cart({ edition: "pro", seats: 3 }), "education", {}, 20],
    ["memory wins over still-valid current seats", cart({ edition: "business", seats: 40 }), "education", { education: 25 }, 25],
    ["an edition without seats has none", cart({ seats: 30 }), "free", { free: 3 }, undefined],
  ])("switching edition with memory: %s", (_n, c, edition, memory, expected) => {
    expect(setEdition(c, edition, catalog, memory).seats).toBe(expected);
  });

  it.each<[string, SeatMemory, CartInput, SeatMemory]>([
    ["remembers the seats of the edition left", {}, cart({ seats: 30 }), { business: 30 }],
    ["replaces an older figure", { business: 12, pro: 2 }, cart({ seats: 30 }), { business: 30, pro: 2 }],
    ["does not remember a figure outside the range", { business: 12 }, cart({ seats: 300 }), { business: 12 }],
    ["does not remember missing seats", {}, cart({ seats: undefined }), {}],
    ["an edition without seats leaves memory alone", { pro: 2 }, cart({ edition: "free", seats: undefined }), { pro: 2 }],
  ])("rememberSeats: %s", (_n, memory, c, expected) => {
    expect(rememberSeats(memory, c, catalog)).toEqual(expected);
  });

  it("business 30 → pro → business is 30 again, and pro keeps its own figure", () => {
    let memory: SeatMemory = {};
    const go = (c: CartInput, edition: string) => {
      memory = rememberSeats(memory, c, catalog);
      return setEdition(c, edition, catalog, memory);
    };
    const pro = go(cart({ seats: 30 }), "pro");
    expect(pro.seats).toBe(5);
    const back = go({ ...pro, seats: 2 }, "business");
    expect(back.seats).toBe(30);
    expect(go(back, "pro").seats).toBe(2);
  });

  it("adds, changes and removes lines", () => {
    let c = setLineQuantity(cart({}), -1, "rooms", 2);
    expect(c.addons).toEqual([{ sku: "rooms", quantity: 2 }]);
    c = setLineTerm(c, 0, { unit: "year", count: 3 });
    expect(c.addons[0]).toEqual({ sku: "rooms", quantity: 2, term: { unit: "year", count: 3 } });
    c = setLineTerm(c, 0, undefined);
    expect(c.addons[0]).toEqual({ sku: "rooms", quantity: 2 });
    expect(setLineQuantity(c, 0, "rooms", 0).addons).toEqual([]);
  });
});
