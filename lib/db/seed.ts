import { catalog } from "@/lib/catalog";
import type { Db } from "./client";
import { recordCatalogVersion } from "./queries/catalog-versions";

/** Records the catalog in force; throws if its content changed without a version bump. */
export async function seed(db: Db): Promise<void> {
  await recordCatalogVersion(db, { catalog });
}
