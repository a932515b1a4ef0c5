import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { allowsNegotiatedPrice, isNegotiable, requiresVerification, seatPricePoints } from "./editions";

describe("seatPricePoints", () => {
  it.each([
    ["pro", { year: "988.00", month: "98.00", yearPerMonth: "82.33", monthTimesTwelve: "1176.00" }],
    ["business", { year: "1390.00", month: "139.00", yearPerMonth: "115.83", monthTimesTwelve: "1668.00" }],
    ["education", { year: "760.00", month: "76.00", yearPerMonth: "63.33", monthTimesTwelve: "912.00" }],
    ["enterprise", { year: undefined, month: undefined }],
  ])("%s", (id, expected) => {
    expect(seatPricePoints(catalog.editions.find((e) => e.id === id)!)).toEqual(expected);
  });
});

describe("seatPricePoints rounding", () => {
  it.each([
    ["1.50", "0.13"], // 0.125: half-up, not half-even
    ["1.38", "0.12"], // 0.115
    ["1.37", "0.11"], // 0.11416…
    ["0.06", "0.01"], // 0.005
    ["0.05", "0.00"], // 0.00416…
  ])("spreads a year of %s over 12 months as %s", (year, perMonth) => {
    const pro = catalog.editions.find((e) => e.id === "pro")!;
    expect(seatPricePoints({ ...pro, prices: { year } }).yearPerMonth).toBe(perMonth);
  });
});

describe("edition rules", () => {
  it("negotiates seat prices for the sales-only editions, from 256 seats", () => {
    expect(catalog.editions.map((e) => e.id).filter(isNegotiable)).toEqual(["enterprise", "education-plus"]);
    expect(allowsNegotiatedPrice("enterprise", 256)).toBe(true);
    expect(allowsNegotiatedPrice("education-plus", 255)).toBe(false);
    expect(allowsNegotiatedPrice("enterprise", undefined)).toBe(false);
    expect(allowsNegotiatedPrice("business", 300)).toBe(false);
  });

  it("verifies the buyer of the education editions only", () => {
    expect(
      ["free", "pro", "business", "enterprise", "education", "education-plus", "nope"].filter((e) => requiresVerification(catalog, e)),
    ).toEqual(["education", "education-plus"]);
  });
});
