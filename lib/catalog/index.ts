import data from "./catalog.json" with { type: "json" };
import type { Addon, Catalog, Family } from "./schema";

export * from "./ids";
export type { Addon, Catalog, ComparisonRow, Edition, Family, LocalizedText, SalesOnlyAddon } from "./schema";

/**
 * The price list in force. Validated by its schema on the server at start-up (lib/catalog/validate.ts,
 * called by the seed) and in the tests, not in the browser: the validator would triple the catalog's
 * weight in every page's JavaScript for data that cannot change between build and run.
 */
export const catalog = data as unknown as Catalog;

/** Finds an edition by id. */
export function findEdition(c: Catalog, id: string) {
  return c.editions.find((e) => e.id === id);
}

/** Lookups pricing makes on every line, built once per catalog object. */
export interface CatalogIndex {
  addons: Map<string, Addon>;
  families: Map<string, Family>;
  /** Families whose lines together are capped by the seat count. */
  cappedFamilies: Family[];
  /** Add-ons with a per-edition quantity limit. */
  limitedAddons: Addon[];
}
const indexes = new WeakMap<Catalog, CatalogIndex>();

/** The catalog's lookup index. */
export function indexOf(c: Catalog): CatalogIndex {
  let index = indexes.get(c);
  if (!index) {
    index = {
      addons: new Map(c.addons.map((a) => [a.sku, a])),
      families: new Map(c.families.map((f) => [f.id, f])),
      cappedFamilies: c.families.filter((f) => f.seatCapCode),
      limitedAddons: c.addons.filter((a) => a.editionLimits),
    };
    indexes.set(c, index);
  }
  return index;
}

/** Finds a self-serve add-on by sku. */
export function findAddon(c: Catalog, sku: string) {
  return indexOf(c).addons.get(sku);
}

/** The editions an add-on can be bought with online (contact-sales editions excluded). */
export function selfServeEditionsFor(c: Catalog, addon: { editions: readonly string[] }) {
  return c.editions.filter((e) => e.sales !== "contact-sales" && addon.editions.includes(e.id));
}
