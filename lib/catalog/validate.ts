import data from "./catalog.json" with { type: "json" };
import { catalogSchema, type Catalog } from "./schema";

/** Parses catalog data, throwing with every problem listed when it is malformed. */
export function parseCatalog(input: unknown): Catalog {
  const result = catalogSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`Invalid catalog:\n${problems}`);
  }
  return result.data;
}

/** Fails fast when the shipped catalog does not match its schema (run at server start). */
export function assertCatalogValid(): Catalog {
  return parseCatalog(data);
}
