// The change formulas of PRODUCT.md §6.1/§6.2, table-driven with the worked figures, and their invariants.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog, type Catalog } from "@/lib/catalog";
import { Decimal, toAmount } from "@/lib/money/decimal";
import { addMonthsUtc, chargedDays } from "./calendar";
import { quoteMessages } from "./messages";
import { prorate, quoteChange, upgradeTier } from "./quote";
import type { ChangeRequest, HeldItem, HeldState } from "./types";

const messages = quoteMessages();
const DAY = 86_400_000;
const NOW = new Date("2027-01-10T04:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

function held(sku: string, over: Partial<HeldItem> = {}): HeldItem {
  const isSeats = sku === "business" || sku === "pro";
  return {
    id: over.id ?? sku,
    sku,
    kind: isSeats ? "seats" : "addon",
    quantity: 1,
    startsAt: at(-181 * DAY),
    expiresAt: at(184 * DAY),
    unitPrice: isSeats ? (sku === "pro" ? "988.00" : "1390.00") : (catalog.addons.find((a) => a.sku === sku)!.prices.year as string),
    discount: "1",
    ...over,
  };
}

const business = (items: HeldItem[] = []): HeldState => ({
  edition: "business",
  items: [held("business", { quantity: 30 }), held("large-meeting-500"), ...items],
});

const quote = (state: HeldState, request: ChangeRequest, now = NOW, c: Catalog = catalog) =>
  quoteChange(state, request, { now, catalog: c, messages });

describe("charged days", () => {
  it.each([
    [184 * DAY, 184],
    [183 * DAY + 1000, 184], // 183 days and 1 second is 184 days
    [183 * DAY, 183],
    [1, 1], // the last day, however little of it is left
    [DAY, 1],
    [0, 0],
    [-DAY, 0],
  ])("%d ms left is %d days", (ms, days) => {
    expect(chargedDays(NOW, new Date(NOW.getTime() + ms))).toBe(days);
  });
});

describe("add capacity mid-term (§6.1)", () => {
  it("one more large-meeting-500 with exactly 184 days left costs ¥5,438.33, ending with the held one", () => {
    const q = quote(business(), { kind: "add", sku: "large-meeting-500", quantity: 1 });
    expect(q.errors).toEqual([]);
    expect(q.total).toBe("5438.33");
    expect(q.lines[0]).toMatchObject({ days: 184, basis: "year", unitPrice: "10788.00", tier: null, to: at(184 * DAY) });
    expect(q.lines[0]!.effect).toMatchObject({ type: "create", expiresAt: at(184 * DAY), quantity: 1, sku: "large-meeting-500" });
    expect(q.lines[0]!.formula.en).toBe(
      "1 × ¥10,788.00/yr × 184 days ÷ 365 = ¥5,438.33 (2027-01-10 → 2027-07-13, 184 days, rounded half-up to the fen once)",
    );
    expect(q.lines[0]!.formula["zh-CN"]).toContain("184 天 ÷ 365 = ¥5,438.33");
  });

  it.each([
    ["exactly 184 days", 184 * DAY, "5438.33"],
    ["183 days and 1 second", 183 * DAY + 1000, "5438.33"],
    ["exactly 183 days", 183 * DAY, "5408.78"], // 10,788 × 183 ÷ 365 = 5,408.778…
    ["exactly 1 day", DAY, "29.56"], // 10,788 ÷ 365 = 29.5561…
  ])("%s left", (_name, ms, amount) => {
    const state = business();
    state.items = state.items.map((i) => ({ ...i, expiresAt: at(ms) }));
    expect(quote(state, { kind: "add", sku: "large-meeting-500", quantity: 1 }).total).toBe(amount);
  });

  it("the last day costs one day", () => {
    const state = business();
    state.items = state.items.map((i) => ({ ...i, expiresAt: at(60_000) }));
    expect(quote(state, { kind: "add", sku: "large-meeting-500", quantity: 1 }).total).toBe("29.56"); // 10788 ÷ 365
  });

  it("an expiry already passed is refused", () => {
    const state = business();
    state.items = state.items.map((i) => ({ ...i, expiresAt: at(-1000) }));
    const q = quote(state, { kind: "add", sku: "large-meeting-500", quantity: 1 });
    expect(q.ok).toBe(false);
    expect(q.errors[0]!.code).toBe("NO_SEATS");
    const raise = quote(business([held("recording-100g", { expiresAt: at(-1) })]), {
      kind: "raise",
      itemId: "recording-100g",
      toSku: "recording-200g",
    });
    expect(raise.errors[0]!.code).toBe("EXPIRED");
  });

  it("uses the discount paid on the held item, and a monthly price over 365/12", () => {
    const q = quote(business([held("recording-100g", { unitPrice: "70.00", discount: "0.9" })]), {
      kind: "add",
      sku: "recording-100g",
      quantity: 2,
    });
    // 2 × 70 × 0.9 × 184 × 12 ÷ 365 = 762.2136… → 762.21
    expect(q.total).toBe("762.21");
    expect(q.lines[0]!.basis).toBe("month");
    expect(q.lines[0]!.formula.en).toContain("× 0.9 (discount paid)");
  });

  it("an item not held yet takes the buyer's term, never ending after the seats (rule 5)", () => {
    const ok = quote(business(), { kind: "add", sku: "webinar-300", quantity: 1, term: { unit: "month", count: 6 } });
    expect(ok.total).toBe("8394.00"); // 1399 × 6
    expect(ok.lines[0]!.effect).toMatchObject({ type: "create", expiresAt: addMonthsUtc(NOW, 6).toISOString() });
    const past = quote(business(), { kind: "add", sku: "webinar-300", quantity: 1, term: { unit: "year", count: 1 } });
    expect(past.errors[0]!.code).toBe("TERM_EXCEEDS_SEATS");
    // Rooms are exempt from rule 5.
    expect(quote(business(), { kind: "add", sku: "rooms", quantity: 1, term: { unit: "year", count: 1 } }).ok).toBe(true);
    expect(quote(business(), { kind: "add", sku: "webinar-300", quantity: 1 }).errors[0]!.code).toBe("TERM_REQUIRED");
    expect(quote(business(), { kind: "add", sku: "mra", quantity: 1, term: { unit: "month", count: 3 } }).errors[0]!.code).toBe(
      "BILLING_UNIT_NOT_SOLD",
    );
  });

  it("more seats stay within the edition's range: 6 pro seats is refused, naming business", () => {
    const pro: HeldState = { edition: "pro", items: [held("pro", { quantity: 5 })] };
    const q = quote(pro, { kind: "add", sku: "pro", quantity: 1 });
    expect(q.errors[0]!.code).toBe("SEATS_OUT_OF_RANGE");
    expect(q.errors[0]!.message.en).toBe("Pro allows 1–5 premium accounts; 6 needs the Business edition.");
    const two = quote({ edition: "pro", items: [held("pro", { quantity: 3 })] }, { kind: "add", sku: "pro", quantity: 2 });
    expect(two.total).toBe(toAmount(new Decimal(988).times(2).times(184).dividedBy(365).toDecimalPlaces(2)));
  });

  it("rules 3 and 4 hold against the new totals", () => {
    const few: HeldState = { edition: "business", items: [held("business", { quantity: 6 }), held("large-meeting-500", { quantity: 6 })] };
    expect(quote(few, { kind: "add", sku: "large-meeting-1000", quantity: 1 }).errors[0]).toMatchObject({
      code: "LARGE_MEETING_EXCEEDS_SEATS",
    });
    expect(quote(few, { kind: "add", sku: "business", quantity: 1 }).ok).toBe(true);
    const webinars: HeldState = { edition: "business", items: [held("business", { quantity: 6 }), held("webinar-300", { quantity: 6 })] };
    expect(quote(webinars, { kind: "add", sku: "webinar-300", quantity: 1 }).errors[0]!.code).toBe("WEBINAR_EXCEEDS_SEATS");
  });

  it("phone packs are charged at face value", () => {
    const q = quote(business(), { kind: "add", sku: "phone-pack-100", quantity: 3 });
    expect(q.total).toBe("300.00");
    expect(q.lines[0]!.effect).toEqual({ type: "credit", sku: "phone-pack-100", quantity: 3 });
  });

  it.each([[0], [-1]])("lowering a quantity (%d) is refused with the reason", (quantity) => {
    const q = quote(business(), { kind: "add", sku: "large-meeting-500", quantity });
    expect(q.errors[0]!.code).toBe("LOWER_NOT_SUPPORTED");
    expect(q.errors[0]!.message.en).toMatch(/not supported/);
  });

  it("upgrade discount tiers are catalog data chosen by the day count (none by default)", () => {
    expect(upgradeTier(catalog, 365)).toBeNull();
    const tiered: Catalog = {
      ...catalog,
      upgradeDiscountTiers: [
        { minDays: 90, percent: 98 },
        { minDays: 180, percent: 95 },
      ],
    };
    expect(upgradeTier(tiered, 179)).toEqual({ minDays: 90, percent: 98 });
    expect(upgradeTier(tiered, 180)).toEqual({ minDays: 180, percent: 95 });
    expect(upgradeTier(tiered, 89)).toBeNull();
    const q = quote(business(), { kind: "add", sku: "large-meeting-500", quantity: 1 }, NOW, tiered);
    expect(q.total).toBe("5166.42"); // 10,788 × 0.95 × 184 ÷ 365 = 5,166.4175…
    expect(q.lines[0]!.tier).toEqual({ minDays: 180, percent: 95 });
    expect(q.lines[0]!.formula.en).toContain("× 95% (upgrade tier ≥ 180 days)");
  });
});

describe("raise a spec (§6.1)", () => {
  const withRecording = business([held("recording-100g", { unitPrice: "700.00" })]);

  it("recording-100g → 200g with 184 days left is ¥423.45 on monthly prices, keeping its expiry", () => {
    const q = quote(withRecording, { kind: "raise", itemId: "recording-100g", toSku: "recording-200g" });
    expect(q.total).toBe("423.45");
    expect(q.lines[0]).toMatchObject({ basis: "month", days: 184 });
    expect(q.lines[0]!.effect).toMatchObject({ type: "raise", fromSku: "recording-100g", toSku: "recording-200g", unitPrice: "1400.00" });
    expect(q.lines[0]!.formula.en).toMatch(/^\(¥140\.00 − ¥70\.00\)\/mo × 1 × 184 days ÷ \(365\/12\) = ¥423\.45/);
  });

  it("webinar 300 → 500 is priced on annual prices per day (webinar-500 has no monthly price)", () => {
    const q = quote(business([held("webinar-300")]), { kind: "raise", itemId: "webinar-300", toSku: "webinar-500" });
    // (12000 − 7200) × 184 ÷ 365 = 2419.7260… → 2419.73
    expect(q.total).toBe("2419.73");
    expect(q.lines[0]!.basis).toBe("year");
  });

  it("large meeting 500 → 1000 on monthly prices", () => {
    const q = quote(business(), { kind: "raise", itemId: "large-meeting-500", toSku: "large-meeting-1000" });
    expect(q.total).toBe(toAmount(new Decimal(5888 - 1078).times(184).times(12).dividedBy(365).toDecimalPlaces(2)));
  });

  it.each([
    ["recording-50g", "LOWER_NOT_SUPPORTED"],
    ["recording-100g", "LOWER_NOT_SUPPORTED"],
    ["webinar-500", "NOT_RAISABLE"],
    ["nope", "UNKNOWN_SKU"],
  ])("→ %s is refused (%s)", (toSku, code) => {
    expect(quote(withRecording, { kind: "raise", itemId: "recording-100g", toSku }).errors[0]!.code).toBe(code);
  });

  it("an item of another organisation is refused", () => {
    expect(quote(withRecording, { kind: "raise", itemId: "someone-else", toSku: "recording-200g" }).errors[0]!.code).toBe("ITEM_NOT_FOUND");
  });
});

describe("renew (§6.2)", () => {
  const short = business([held("recording-100g", { unitPrice: "70.00", expiresAt: at(30 * DAY) })]);

  it("align: add-ons ending earlier are extended to end with the seats, charged per day", () => {
    const q = quote(short, { kind: "renew", mode: "align", itemIds: [] });
    expect(q.lines).toHaveLength(1);
    // 70 × 12 ÷ 365 × 154 days = 354.4109… → 354.41
    expect(q.lines[0]).toMatchObject({ sku: "recording-100g", days: 154, amount: "354.41" });
    expect(q.lines[0]!.effect).toEqual({
      type: "extend",
      itemId: "recording-100g",
      fromExpiresAt: at(30 * DAY),
      toExpiresAt: at(184 * DAY),
    });
    expect(quote(business(), { kind: "renew", mode: "align", itemIds: [] }).errors[0]!.code).toBe("NOTHING_TO_RENEW");
  });

  it("term: every selected item is extended by it at list price; rule 5 holds after", () => {
    const q = quote(short, { kind: "renew", mode: "term", term: { unit: "year", count: 1 }, itemIds: [] });
    expect(q.lines.map((l) => [l.sku, l.amount])).toEqual([
      ["business", "41700.00"],
      ["large-meeting-500", "10788.00"],
      ["recording-100g", "700.00"],
    ]);
    expect(q.lines[0]!.effect).toMatchObject({ toExpiresAt: addMonthsUtc(new Date(at(184 * DAY)), 12).toISOString() });
    // One add-on alone by a year would end after the seats: refused.
    const alone = quote(short, { kind: "renew", mode: "term", term: { unit: "year", count: 1 }, itemIds: ["large-meeting-500"] });
    expect(alone.errors[0]!.code).toBe("TERM_EXCEEDS_SEATS");
    expect(quote(short, { kind: "renew", mode: "term", term: { unit: "month", count: 2 }, itemIds: ["recording-100g"] }).total).toBe(
      "140.00",
    );
    expect(quote(short, { kind: "renew", mode: "term", term: { unit: "month", count: 12 }, itemIds: [] }).errors[0]!.code).toBe(
      "TERM_INVALID",
    );
  });

  it("a scheduled renewal prices next term's cart and takes effect when the seats end", () => {
    const cart = { edition: "business", seats: 20, term: { unit: "year", count: 1 }, addons: [{ sku: "phone-pack-100", quantity: 1 }] };
    const q = quote(business(), { kind: "scheduled_renewal", cart });
    expect(q.total).toBe("27900.00"); // 20 × 1390 + 100
    expect(q.effectiveAt).toBe(at(184 * DAY));
    expect(q.lines[0]!.effect).toMatchObject({ type: "schedule", sku: "business", quantity: 20, startsAt: at(184 * DAY) });
    expect(q.lines[1]!.effect).toEqual({ type: "credit", sku: "phone-pack-100", quantity: 1 });
    expect(quote(business(), { kind: "scheduled_renewal", cart: { ...cart, edition: "pro", seats: 3 } }).errors[0]!.code).toBe(
      "EDITION_CHANGE",
    );
    expect(quote(business(), { kind: "scheduled_renewal", cart: { ...cart, seats: 300 } }).errors[0]!.code).toBe("CART_INVALID");
  });

  it("while a scheduled renewal is pending every change is refused, saying why", () => {
    const state = { ...business(), pendingScheduled: { orderId: "o", effectiveAt: at(184 * DAY) } };
    const q = quote(state, { kind: "add", sku: "large-meeting-500", quantity: 1 });
    expect(q.errors[0]!.code).toBe("CHANGE_PENDING");
    expect(q.errors[0]!.message.en).toContain("2027-07-13");
  });
});

// ---- properties --------------------------------------------------------------------------------------------

const skuArb = fc.constantFrom("large-meeting-500", "large-meeting-1000", "recording-50g", "recording-100g", "webinar-300", "rooms", "mra");
const itemArb = fc.record({
  sku: skuArb,
  quantity: fc.integer({ min: 1, max: 5 }),
  leftMs: fc.integer({ min: -10 * DAY, max: 400 * DAY }),
  monthly: fc.boolean(),
  discount: fc.constantFrom("1", "0.9", "0.85", "0.9876543210"),
});
const stateArb = fc
  .record({
    seats: fc.integer({ min: 6, max: 40 }),
    seatsLeftMs: fc.integer({ min: 1000, max: 400 * DAY }),
    items: fc.array(itemArb, { maxLength: 4 }),
  })
  .map(({ seats, seatsLeftMs, items }): HeldState => ({
    edition: "business",
    items: [
      held("business", { quantity: seats, expiresAt: at(seatsLeftMs) }),
      ...items.map((i, n) => {
        const prices = catalog.addons.find((a) => a.sku === i.sku)!.prices;
        const unitPrice = (i.monthly && prices.month) || prices.year!;
        // Add-ons bound by the seats never end after them (rule 5), as a real purchase leaves them.
        const leftMs = Math.min(i.leftMs, seatsLeftMs);
        return held(i.sku, { id: `i${n}`, quantity: i.quantity, expiresAt: at(leftMs), unitPrice, discount: i.discount });
      }),
    ],
  }));
const requestArb = (state: HeldState): fc.Arbitrary<ChangeRequest> => {
  const ids = state.items.map((i) => i.id);
  return fc.oneof(
    fc.record({
      kind: fc.constant("add" as const),
      sku: fc.constantFrom("business", "large-meeting-500", "recording-100g", "webinar-300", "rooms", "phone-pack-20"),
      quantity: fc.integer({ min: 1, max: 3 }),
      term: fc.option(fc.record({ unit: fc.constant("month"), count: fc.integer({ min: 1, max: 11 }) }), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant("raise" as const),
      itemId: fc.constantFrom(...ids),
      toSku: fc.constantFrom("recording-200g", "webinar-500", "large-meeting-2000"),
    }),
    fc.record({ kind: fc.constant("renew" as const), mode: fc.constant("align" as const), itemIds: fc.subarray(ids) }),
    fc.record({
      kind: fc.constant("renew" as const),
      mode: fc.constant("term" as const),
      term: fc.oneof(
        fc.record({ unit: fc.constant("month"), count: fc.integer({ min: 1, max: 11 }) }),
        fc.record({ unit: fc.constant("year"), count: fc.integer({ min: 1, max: 5 }) }),
      ),
      itemIds: fc.subarray(ids),
    }),
  );
};
const caseArb = stateArb.chain((state) => fc.tuple(fc.constant(state), requestArb(state), fc.integer({ min: 0, max: 30 * DAY })));

describe("change invariants", () => {
  it("preview = charge: the browser's quote (state and request through JSON) is the server's, to the character", () => {
    fc.assert(
      fc.property(caseArb, ([state, request, shift]) => {
        const now = new Date(NOW.getTime() + shift);
        const server = quoteChange(state, request, { now, catalog, messages });
        const browserState = JSON.parse(JSON.stringify(state)) as HeldState;
        const browserRequest = JSON.parse(JSON.stringify(request)) as ChangeRequest;
        const preview = quoteChange(browserState, browserRequest, {
          now: new Date(now.toISOString()),
          catalog,
          messages: JSON.parse(JSON.stringify(messages)),
        });
        expect(preview).toEqual(server);
        expect(server.total).toBe(toAmount(server.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0))));
      }),
      { numRuns: 300 },
    );
  });

  it("a change never moves an add-on bound by the seats past the seats' expiry, and renewals never shorten anything", () => {
    fc.assert(
      fc.property(caseArb, ([state, request, shift]) => {
        const now = new Date(NOW.getTime() + shift);
        const q = quoteChange(state, request, { now, catalog, messages });
        if (!q.ok) return;
        const seatsEnd = Math.max(
          ...q.lines.flatMap(({ effect: e }) =>
            e.type === "extend" && state.items.find((i) => i.id === e.itemId)?.kind === "seats" ? [new Date(e.toExpiresAt).getTime()] : [],
          ),
          new Date(q.seatsExpiresAt!).getTime(),
        );
        for (const line of q.lines) {
          const e = line.effect;
          expect(new Decimal(line.amount).gte(0)).toBe(true);
          const family = catalog.addons.find((a) => a.sku === line.sku)?.family;
          const bound = catalog.families.find((f) => f.id === family)?.termBoundBySeats;
          if (e.type === "create" && bound) expect(new Date(e.expiresAt).getTime()).toBeLessThanOrEqual(seatsEnd);
          if (e.type === "extend") {
            expect(new Date(e.toExpiresAt).getTime()).toBeGreaterThan(new Date(e.fromExpiresAt).getTime());
            if (bound) expect(new Date(e.toExpiresAt).getTime()).toBeLessThanOrEqual(seatsEnd);
          }
          if (line.days !== null) expect(line.days).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("prorating is exact to half a fen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 100_000_00 }),
        fc.integer({ min: 1, max: 1830 }),
        fc.boolean(),
        (q, fen, days, yearly) => {
          const unit = toAmount(new Decimal(fen).dividedBy(100));
          const got = prorate({ quantity: q, unit, discount: "1", days, basis: yearly ? "year" : "month" });
          const exact = new Decimal(unit)
            .times(q)
            .times(days)
            .times(yearly ? 1 : 12)
            .dividedBy(365);
          expect(got.minus(exact).abs().lte("0.005")).toBe(true);
        },
      ),
    );
  });
});
