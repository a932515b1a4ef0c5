import { describe, expect, it } from "vitest";
import { addonIndex, addonPath, termBreach } from "./breach";
import { m, price, y } from "./test-helpers";
import type { CartInput, RuleCode } from "./types";

const base = (over: Partial<CartInput>): CartInput => ({ edition: "business", seats: 10, term: y(1), addons: [], ...over });
const add = (sku: string, quantity = 1, term?: CartInput["term"]) => ({ sku, quantity, ...(term ? { term } : {}) });

type Row = [name: string, cart: CartInput, expected: null | { code: RuleCode; path: string }];

// Every rule of PRODUCT.md §2.3 on both sides of its bound: the first row of a pair is priced, the second refused.
const rows: Row[] = [
  // Rule 1: seats required and within the edition's range.
  ["pro 1 seat", base({ edition: "pro", seats: 1 }), null],
  ["pro 0 seats", base({ edition: "pro", seats: 0 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["pro 5 seats", base({ edition: "pro", seats: 5 }), null],
  ["pro 6 seats", base({ edition: "pro", seats: 6 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["business 6 seats", base({ seats: 6 }), null],
  ["business 5 seats", base({ seats: 5 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["business 255 seats", base({ seats: 255 }), null],
  ["business 256 seats", base({ seats: 256 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["education 20 seats", base({ edition: "education", seats: 20 }), null],
  ["education 19 seats", base({ edition: "education", seats: 19 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["education 255 seats", base({ edition: "education", seats: 255 }), null],
  ["education 256 seats", base({ edition: "education", seats: 256 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  ["business without seats", base({ seats: undefined }), { code: "SEATS_REQUIRED", path: "seats" }],
  ["business 10.5 seats", base({ seats: 10.5 }), { code: "QUANTITY_INVALID", path: "seats" }],
  ["free without seats", base({ edition: "free", seats: undefined }), null],
  ["free with 3 seats", base({ edition: "free", seats: 3 }), { code: "SEATS_OUT_OF_RANGE", path: "seats" }],
  // Rule 2: add-ons only on the editions that sell them.
  ["business + MRA", base({ addons: [add("mra")] }), null],
  ["pro + MRA", base({ edition: "pro", seats: 2, addons: [add("mra")] }), { code: "ADDON_NOT_AVAILABLE", path: "addons[0].sku" }],
  ["business + recording-1t", base({ addons: [add("recording-1t")] }), null],
  [
    "pro + recording-1t",
    base({ edition: "pro", seats: 2, addons: [add("recording-1t")] }),
    { code: "ADDON_NOT_AVAILABLE", path: "addons[0].sku" },
  ],
  ["free + rooms", base({ edition: "free", seats: undefined, addons: [add("rooms")] }), null],
  [
    "free + large meeting",
    base({ edition: "free", seats: undefined, addons: [add("large-meeting-500")] }),
    { code: "ADDON_NOT_AVAILABLE", path: "addons[0].sku" },
  ],
  // Rule 3: Σ large meetings ≤ seats, all specs together.
  [
    "large meetings = seats",
    base({ addons: [add("large-meeting-500", 6), add("large-meeting-1000", 3), add("large-meeting-2000", 1)] }),
    null,
  ],
  [
    "large meetings = seats + 1",
    base({ addons: [add("large-meeting-500", 6), add("large-meeting-1000", 4), add("large-meeting-2000", 1)] }),
    { code: "LARGE_MEETING_EXCEEDS_SEATS", path: "addons[2].quantity" },
  ],
  // Each cap sums its own lines only: more units than seats in all is fine while no capped group passes them.
  [
    "6 large meetings + 6 webinars + 9 MRA on 10 seats",
    base({ addons: [add("large-meeting-500", 6), add("webinar-300", 6), add("mra", 9)] }),
    null,
  ],
  [
    "6 webinars + 11 large meetings on 10 seats",
    base({ addons: [add("webinar-300", 6), add("large-meeting-500", 11)] }),
    { code: "LARGE_MEETING_EXCEEDS_SEATS", path: "addons[1].quantity" },
  ],
  // Rule 4: Σ webinars ≤ seats, all tiers together.
  ["webinars = seats", base({ addons: [add("webinar-300", 9), add("webinar-10000", 1)] }), null],
  [
    "webinars = seats + 1",
    base({ addons: [add("webinar-300", 10), add("webinar-10000", 1)] }),
    { code: "WEBINAR_EXCEEDS_SEATS", path: "addons[1].quantity" },
  ],
  // Rule 5: add-on term ≤ seats' term; Rooms and phone packs exempt.
  ["add-on term = seat term", base({ term: y(2), addons: [add("large-meeting-500", 1, y(2))] }), null],
  [
    "add-on term = seat term + 1 month",
    base({ term: m(11), addons: [add("recording-100g", 1, y(1))] }),
    { code: "ADDON_TERM_EXCEEDS_SEATS_TERM", path: "addons[0].term" },
  ],
  ["12 months of recording on a 1-year seat term", base({ addons: [add("recording-100g", 1, m(11))] }), null],
  [
    "2 years of MRA on a 1-year seat term",
    base({ addons: [add("mra", 1, y(2))] }),
    { code: "ADDON_TERM_EXCEEDS_SEATS_TERM", path: "addons[0].term" },
  ],
  ["rooms longer than the seats", base({ term: m(3), addons: [add("rooms", 1, y(3))] }), null],
  // Rule 6: only billing units that have a price.
  ["yearly-only webinar-500 on a year", base({ addons: [add("webinar-500", 1)] }), null],
  [
    "yearly-only webinar-500 on 6-month seats",
    base({ term: m(6), addons: [add("webinar-500", 1)] }),
    { code: "BILLING_UNIT_NOT_SOLD", path: "addons[0].term" },
  ],
  ["rooms by the month", base({ term: m(6), addons: [add("rooms", 1)] }), { code: "BILLING_UNIT_NOT_SOLD", path: "addons[0].term" }],
  ["phone pack with a term", base({ addons: [add("phone-pack-20", 1, y(1))] }), { code: "BILLING_UNIT_NOT_SOLD", path: "addons[0].term" }],
  // Rule 7: free edition Rooms ≤ 49.
  ["free + 49 rooms", base({ edition: "free", seats: undefined, addons: [add("rooms", 49)] }), null],
  [
    "free + 50 rooms",
    base({ edition: "free", seats: undefined, addons: [add("rooms", 50)] }),
    { code: "ROOMS_LIMIT", path: "addons[0].quantity" },
  ],
  [
    "free + 40 and 10 rooms",
    base({ edition: "free", seats: undefined, addons: [add("rooms", 40), add("rooms", 10)] }),
    { code: "ROOMS_LIMIT", path: "addons[1].quantity" },
  ],
  ["business + 50 rooms", base({ addons: [add("rooms", 50)] }), null],
  // Rule 8: positive whole quantities, at most 999.
  ["999 rooms", base({ addons: [add("rooms", 999)] }), null],
  ["1000 rooms", base({ addons: [add("rooms", 1000)] }), { code: "QUANTITY_INVALID", path: "addons[0].quantity" }],
  ["0 rooms", base({ addons: [add("rooms", 0)] }), { code: "QUANTITY_INVALID", path: "addons[0].quantity" }],
  ["1.5 rooms", base({ addons: [add("rooms", 1.5)] }), { code: "QUANTITY_INVALID", path: "addons[0].quantity" }],
  // Rule 9: 1–11 months or 1–5 years.
  ["11 months", base({ term: m(11) }), null],
  ["12 months", base({ term: m(12) }), { code: "TERM_INVALID", path: "term" }],
  ["1 month", base({ term: m(1) }), null],
  ["0 months", base({ term: m(0) }), { code: "TERM_INVALID", path: "term" }],
  ["5 years", base({ term: y(5) }), null],
  ["6 years", base({ term: y(6) }), { code: "TERM_INVALID", path: "term" }],
  ["a term in weeks", base({ term: { unit: "week", count: 2 } }), { code: "TERM_INVALID", path: "term" }],
  ["an add-on term of 0 years", base({ addons: [add("rooms", 1, y(0))] }), { code: "TERM_INVALID", path: "addons[0].term" }],
  // Rule 10: contact sales.
  ["webinar of 10,000", base({ addons: [add("webinar-10000")] }), null],
  ["webinar of 20,000", base({ addons: [add("webinar-20000")] }), { code: "CONTACT_SALES", path: "addons[0].sku" }],
  ["enterprise", base({ edition: "enterprise", seats: 300 }), { code: "CONTACT_SALES", path: "edition" }],
  ["education-plus", base({ edition: "education-plus", seats: 300 }), { code: "CONTACT_SALES", path: "edition" }],
  // Unknown ids.
  ["unknown edition", base({ edition: "platinum" }), { code: "UNKNOWN_EDITION", path: "edition" }],
  ["unknown sku", base({ addons: [add("hologram")] }), { code: "UNKNOWN_SKU", path: "addons[0].sku" }],
];

describe("cart rules", () => {
  it.each(rows)("%s", (_name, cart, expected) => {
    const { errors, ok } = price(cart);
    if (expected === null) {
      expect(errors).toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect(errors.map(({ code, path }) => ({ code, path }))).toEqual([expected]);
      expect(ok).toBe(false);
    }
  });

  it("lists every broken rule at once, in field order", () => {
    const { errors } = price({ edition: "pro", seats: 9, term: m(12), addons: [add("mra", 0), add("hologram")] });
    expect(errors.map((e) => `${e.code}@${e.path}`)).toEqual([
      "TERM_INVALID@term",
      "SEATS_OUT_OF_RANGE@seats",
      "QUANTITY_INVALID@addons[0].quantity",
      "ADDON_NOT_AVAILABLE@addons[0].sku",
      "UNKNOWN_SKU@addons[1].sku",
    ]);
  });

  it("refuses a yearly-only add-on bound by rule 5 when seats are monthly, but allows Rooms on their own yearly term", () => {
    expect(price(base({ term: m(6), addons: [add("mra")] })).errors[0]?.code).toBe("BILLING_UNIT_NOT_SOLD");
    expect(price(base({ term: m(6), addons: [add("mra", 1, y(1))] })).errors[0]?.code).toBe("ADDON_TERM_EXCEEDS_SEATS_TERM");
    expect(price(base({ term: m(6), addons: [add("rooms", 1, y(1))] })).ok).toBe(true);
  });

  it.each([
    ["webinar-500 following 1-month seats", base({ term: m(1), addons: [add("webinar-500")] }), /buy the accounts by the year/],
    ["mra following 6-month seats", base({ term: m(6), addons: [add("mra")] }), /buy the accounts by the year/],
    ["webinar-500 with its own 1-month term on yearly seats", base({ addons: [add("webinar-500", 1, m(1))] }), /choose a term in years/],
    ["rooms following 6-month seats (not bound)", base({ term: m(6), addons: [add("rooms")] }), /choose a term in years/],
  ])("a yearly-only line by the month says what works: %s", (_, cart, message) => {
    const [error] = price(cart).errors;
    expect(error?.code).toBe("BILLING_UNIT_NOT_SOLD");
    expect(error?.message).toMatch(message);
  });

  it("points at the edition whose range fits", () => {
    const [error] = price(base({ edition: "pro", seats: 6 })).errors;
    expect(error?.params).toMatchObject({ suggestion: "business", min: 1, max: 5 });
    expect(error?.message).toBe("Pro takes 1–5 premium accounts; you chose 6. Business fits 6 accounts.");
  });

  it("says how many a capped line may have", () => {
    const [error] = price(base({ edition: "pro", seats: 4, addons: [add("large-meeting-500", 2), add("large-meeting-1000", 5)] })).errors;
    expect(error?.params).toMatchObject({ seats: 4, total: 7, max: 2 });
  });
});

describe("messages", () => {
  it.each([
    ["en", "Room connector MRA (H.323/SIP) is not sold with Pro; it needs Business or Education."],
    ["zh-CN", "专业版不可购买会议室连接器 MRA（H.323/SIP），需要商业版或教育版。"],
  ] as const)("names the rule in %s", (locale, message) => {
    const [error] = price(base({ edition: "pro", seats: 2, addons: [add("mra")] }), locale).errors;
    expect(error?.message).toBe(message);
  });

  it("has a message for every code in both languages, with no placeholder left unfilled", () => {
    const carts = rows.flatMap(([, cart, expected]) => (expected ? [cart] : []));
    for (const locale of ["en", "zh-CN"] as const) {
      for (const cart of carts) {
        for (const e of price(cart, locale).errors) {
          expect(e.message).not.toMatch(/[{}]|Pricing\.|rules\./);
          expect(e.message.length).toBeGreaterThan(8);
        }
      }
    }
  });
});

describe("add-on paths", () => {
  it("writes and reads the line a path points into", () => {
    expect(addonPath(2, "quantity")).toBe("addons[2].quantity");
    expect(addonIndex("addons[12].term")).toBe(12);
    expect(addonIndex("seats")).toBe(-1);
    expect(addonIndex("voucher")).toBe(-1);
    expect(termBreach("term")).toEqual({ code: "TERM_INVALID", path: "term", params: {} });
  });
});
