import { describe, expect, it } from "vitest";
import data from "./catalog.json" with { type: "json" };
import { catalog, selfServeEditionsFor } from "./index";
import { assertCatalogValid, parseCatalog } from "./validate";

describe("catalog", () => {
  it("is exactly what its schema accepts", () => {
    expect(assertCatalogValid()).toEqual(catalog);
  });

  it("holds the six editions and the 21 add-ons of PRODUCT.md §2", () => {
    expect(catalog.editions.map((e) => e.id)).toEqual(["free", "pro", "business", "enterprise", "education", "education-plus"]);
    expect(catalog.addons).toHaveLength(21);
  });

  it.each([
    ["pro", "988.00", "98.00", 1, 5],
    ["business", "1390.00", "139.00", 6, 255],
    ["education", "760.00", "76.00", 20, 255],
  ])("prices %s seats", (id, year, month, min, max) => {
    const e = catalog.editions.find((x) => x.id === id)!;
    expect(e.prices).toEqual({ year, month });
    expect(e.seats).toEqual({ min, max });
  });

  it.each([
    ["large-meeting-500", { year: "10788.00", month: "1078.00" }, ["pro", "business", "education"]],
    ["large-meeting-1000", { year: "21888.00", month: "5888.00" }, ["pro", "business", "education"]],
    ["large-meeting-2000", { year: "50888.00", month: "10888.00" }, ["pro", "business", "education"]],
    ["rooms", { year: "3500.00" }, ["free", "pro", "business", "education"]],
    ["mra", { year: "5000.00" }, ["business", "education"]],
    ["recording-50g", { year: "350.00", month: "35.00" }, ["pro", "business", "education"]],
    ["recording-100g", { year: "700.00", month: "70.00" }, ["pro", "business", "education"]],
    ["recording-200g", { year: "1400.00", month: "140.00" }, ["pro", "business", "education"]],
    ["recording-1t", { year: "2000.00" }, ["business", "education"]],
    ["webinar-300", { year: "7200.00", month: "1399.00" }, ["pro", "business", "education"]],
    ["webinar-500", { year: "12000.00" }, ["pro", "business", "education"]],
    ["webinar-1000", { year: "33600.00" }, ["pro", "business", "education"]],
    ["webinar-2000", { year: "76800.00" }, ["pro", "business", "education"]],
    ["webinar-3000", { year: "129600.00", month: "21600.00" }, ["pro", "business", "education"]],
    ["webinar-5000", { year: "264000.00", month: "33000.00" }, ["pro", "business", "education"]],
    ["webinar-8000", { year: "460800.00", month: "46000.00" }, ["pro", "business", "education"]],
    ["webinar-10000", { year: "624000.00", month: "62400.00" }, ["pro", "business", "education"]],
    ["phone-pack-20", { once: "20.00" }, ["free", "pro", "business", "education"]],
    ["phone-pack-50", { once: "50.00" }, ["free", "pro", "business", "education"]],
    ["phone-pack-100", { once: "100.00" }, ["free", "pro", "business", "education"]],
    ["phone-pack-1000", { once: "1000.00" }, ["free", "pro", "business", "education"]],
  ])("sells %s at the list price on the ticked editions", (sku, prices, editions) => {
    const a = catalog.addons.find((x) => x.sku === sku)!;
    expect(a.prices).toEqual(prices);
    expect(selfServeEditionsFor(catalog, a).map((e) => e.id)).toEqual(editions);
  });

  it("refuses malformed data with every problem named", () => {
    const broken = structuredClone(data) as { editions: { prices: Record<string, unknown> }[]; version: string };
    broken.editions[1]!.prices.year = 988.5;
    broken.version = "";
    expect(() => parseCatalog(broken)).toThrow(/version: Too small[\s\S]*editions\.1\.prices\.year: Invalid input/);
  });

  it("refuses a duplicate sku", () => {
    const broken = structuredClone(data) as { addons: unknown[] };
    broken.addons.push(broken.addons[0]);
    expect(() => parseCatalog(broken)).toThrow(/duplicate sku large-meeting-500/);
  });

  it("compares every edition on every comparison row, and highlights one edition with a reason", () => {
    for (const row of catalog.comparison) expect(Object.keys(row.values).sort()).toEqual(catalog.editions.map((e) => e.id).sort());
    expect(catalog.editions.filter((e) => e.highlight).map((e) => e.id)).toEqual(["business"]);
  });

  it.each([
    ["a comparison row missing an edition", (c: Broken) => delete c.comparison[0]!.values.pro, /comparison\.0\.values\.pro/],
    ["a duplicate comparison row", (c: Broken) => c.comparison.push(c.comparison[0]!), /duplicate comparison row time-limit/],
    [
      "two highlighted editions",
      (c: Broken) => (c.editions[1]!.highlight = c.editions[2]!.highlight),
      /at most one edition is highlighted/,
    ],
  ])("refuses %s", (_, breakIt, message) => {
    const broken = structuredClone(data) as unknown as Broken;
    breakIt(broken);
    expect(() => parseCatalog(broken)).toThrow(message);
  });
});

interface Broken {
  comparison: { values: Record<string, unknown> }[];
  editions: { highlight?: unknown }[];
}
