import { assertAgreementsValid } from "@/lib/agreements/validate";
import { assertCatalogValid } from "@/lib/catalog/validate";
import type { Db } from "./client";
import { recordCatalogVersion } from "./queries/catalog-versions";

/** Validates the shipped data and records the catalog in force; throws if its content changed without a version bump. */
export async function seed(db: Db): Promise<void> {
  assertAgreementsValid();
  await recordCatalogVersion(db, { catalog: assertCatalogValid() });
}
