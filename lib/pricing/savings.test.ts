import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { annualSaving } from "./savings";

describe("annualSaving", () => {
  it.each([
    // year, month, saving per year, percent of twelve months
    ["988.00", "98.00", "188.00", 16], // 15.986…% — truncating said 15%
    ["1390.00", "139.00", "278.00", 17], // 16.666…%
    ["760.00", "76.00", "152.00", 17], // 16.666…%
    ["1000.00", "100.00", "200.00", 17], // 16.666…%
    ["1008.01", "100.00", "191.99", 16], // 15.99916…% → 16%
    ["1014.00", "100.00", "186.00", 16], // 15.5% exactly: half-up
    ["1014.01", "100.00", "185.99", 15], // 15.49916…%
    ["1200.00", "100.00", "0.00", 0],
    ["1199.00", "100.00", "1.00", 0], // 0.083…%
    ["1194.00", "100.00", "6.00", 1], // 0.5%: half-up
    ["1206.00", "100.00", "-6.00", -1], // half away from zero, as decimal.js's ROUND_HALF_UP
    ["1201.00", "100.00", "-1.00", 0], // -0.083…%: no "-0"
    ["0.00", "0.01", "0.12", 100],
  ])("a year at %s against %s a month saves %s, %i%%", (year, month, amount, percent) => {
    expect(annualSaving(year, month)).toEqual({ amount, percent });
  });

  it.each([
    [undefined, "98.00"],
    ["988.00", undefined],
    ["988.00", "0.00"],
  ])("has no saving without both prices (%s, %s)", (year, month) => {
    expect(annualSaving(year, month)).toBeUndefined();
  });

  it("saves on every self-serve edition of the catalog", () => {
    for (const e of catalog.editions.filter((x) => x.sales === "self-serve")) {
      expect(annualSaving(e.prices.year, e.prices.month)?.percent).toBeGreaterThan(0);
    }
  });
});
