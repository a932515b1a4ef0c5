import data from "./catalog.json" with { type: "json" };
import { catalogSchema, type Catalog } from "./schema";

export * from "./schema";

/** Parses catalog data, throwing with every problem listed when it is malformed. */
export function parseCatalog(input: unknown): Catalog {
  const result = catalogSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`Invalid catalog:\n${problems}`);
  }
  return result.data;
}

/** The price list in force, validated when this module loads. */
export const catalog: Catalog = parseCatalog(data);

/** Finds an edition by id. */
export function findEdition(c: Catalog, id: string) {
  return c.editions.find((e) => e.id === id);
}

const addonIndex = new WeakMap<Catalog, Map<string, Catalog["addons"][number]>>();

/** Finds a self-serve add-on by sku (indexed once per catalog: pricing looks up every line). */
export function findAddon(c: Catalog, sku: string) {
  let index = addonIndex.get(c);
  if (!index) addonIndex.set(c, (index = new Map(c.addons.map((a) => [a.sku, a]))));
  return index.get(sku);
}

/** The editions an add-on can be bought with online (contact-sales editions excluded). */
export function selfServeEditionsFor(c: Catalog, addon: { editions: readonly string[] }) {
  return c.editions.filter((e) => e.sales !== "contact-sales" && addon.editions.includes(e.id));
}
