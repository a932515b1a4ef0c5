import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { CONTACT_SALES_INTERESTS, contactSalesSchema, interestFromQuery, interestLabel, seatsFromQuery } from "./contact-sales";

const lead = {
  organisationName: "上海某某文化传播有限公司",
  contactName: "李四",
  mobile: "13912345678",
  email: "li@example.com",
  interest: "enterprise",
  seats: "",
  message: "",
  idempotencyKey: "3f6c1a52-7b7e-4c59-9a57-2e4f0b7d9c11",
};

function errorsOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("contactSalesSchema", () => {
  it.each([
    ["a lead with only the required fields", {}, {}],
    ["seats typed as text", { seats: "300" }, {}],
    ["seats as a number", { seats: 300 }, {}],
    ["seats left empty as NaN", { seats: Number.NaN }, {}],
    ["no seats key at all", { seats: undefined }, {}],
    ["0 seats", { seats: "0" }, { seats: "ContactSales.errors.seats" }],
    ["fractional seats", { seats: "2.5" }, { seats: "ContactSales.errors.seats" }],
    ["seats as words", { seats: "many" }, { seats: "ContactSales.errors.seats" }],
    ["a 2000-character message", { message: "字".repeat(2000) }, {}],
    ["a 2001-character message", { message: "字".repeat(2001) }, { message: "ContactSales.errors.message" }],
    ["no interest chosen", { interest: "" }, { interest: "ContactSales.errors.interest" }],
    ["a self-serve edition as interest", { interest: "business" }, { interest: "ContactSales.errors.interest" }],
    ["a bad mobile", { mobile: "1234" }, { mobile: "OrgDetails.errors.mobile" }],
    ["no idempotency key", { idempotencyKey: "" }, { idempotencyKey: "ContactSales.errors.generic" }],
  ])("%s", (_, change, expected) => {
    expect(errorsOf(contactSalesSchema.safeParse({ ...lead, ...change }))).toEqual(expected);
  });

  it("turns empty optional fields into undefined and typed seats into a number", () => {
    expect(contactSalesSchema.parse({ ...lead, message: "   " })).toMatchObject({ seats: undefined, message: undefined });
    expect(contactSalesSchema.parse({ ...lead, seats: " 300 ", message: " 需要 300 人的会议 " })).toMatchObject({
      seats: 300,
      message: "需要 300 人的会议",
    });
  });

  it("accepts its own output unchanged, so the server can re-parse what the form parsed", () => {
    const input = fc.record({
      seats: fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 100000 }).map(String)),
      message: fc.string({ maxLength: 40 }),
      mobile: fc.constantFrom("13812345678", "+86 138 1234 5678", "0086-139-1234-5678"),
      organisationName: fc.constantFrom(" 某某公司 ", "Acme Ltd"),
    });
    fc.assert(
      fc.property(input, (change) => {
        const once = contactSalesSchema.parse({ ...lead, ...change });
        expect(contactSalesSchema.parse(once)).toEqual(once);
      }),
    );
  });
});

describe("CONTACT_SALES_INTERESTS", () => {
  it("lists every contact-sales edition and sales-only add-on in the catalog, plus other", () => {
    const fromCatalog = [
      ...catalog.editions.filter((e) => e.sales === "contact-sales").map((e) => e.id),
      ...catalog.salesOnlyAddons.map((a) => a.sku),
      "other",
    ];
    expect([...CONTACT_SALES_INTERESTS].sort()).toEqual(fromCatalog.sort());
  });
});

describe("interestFromQuery", () => {
  it.each([
    [{ edition: "enterprise" }, "enterprise"],
    [{ edition: "education-plus" }, "education-plus"],
    [{ addon: "webinar-20000" }, "webinar-20000"],
    [{ addon: ["webinar-50000"] }, "webinar-50000"],
    [{ edition: "business" }, undefined],
    [{ edition: "other" }, undefined],
    [{}, undefined],
  ])("%j → %s", (query, expected) => {
    expect(interestFromQuery(query)).toBe(expected);
  });
});

describe("interestLabel", () => {
  it.each([
    ["enterprise", "zh-CN", "企业版"],
    ["education-plus", "en", "Education Plus"],
    ["webinar-20000", "zh-CN", "Webinar（20000观众）"],
    ["other", "en", "Something else"],
    ["retired-edition", "en", "retired-edition"],
  ] as const)("%s in %s → %s", (interest, locale, expected) => {
    expect(interestLabel(catalog, interest, locale, "Something else")).toBe(expected);
  });
});

describe("seatsFromQuery", () => {
  it.each([
    ["300", 300],
    [["300", "5"], 300],
    ["1000000", 1_000_000],
    ["1000001", undefined],
    ["0", undefined],
    ["-3", undefined],
    ["3.5", undefined],
    ["lots", undefined],
    ["", undefined],
    [undefined, undefined],
  ] as const)("?seats=%j prefills %j", (value, seats) => {
    expect(seatsFromQuery(value as string | string[] | undefined)).toBe(seats);
  });
});
