import { describe, expect, it } from "vitest";
import { priceRequestSchema } from "./price-request";

describe("priceRequestSchema", () => {
  it.each([
    [{ edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [] }, true],
    [{ edition: "free", term: { unit: "year", count: 1 } }, true],
    [{ edition: "pro", seats: null, term: { unit: "week", count: 1 }, addons: [{ sku: "x", quantity: 0 }] }, true],
    [{ seats: 3, term: { unit: "year", count: 1 } }, false],
    [{ edition: "pro", term: "1y" }, false],
    [{ edition: "pro", term: { unit: "year", count: "1" } }, false],
    [{ edition: "pro", term: { unit: "year", count: 1 }, addons: [{ sku: "rooms", quantity: "2" }] }, false],
    [{ edition: "pro", seats: "3", term: { unit: "year", count: 1 } }, false],
    [[], false],
  ])("%j → %s", (body, valid) => {
    expect(priceRequestSchema.safeParse(body).success).toBe(valid);
  });
});
