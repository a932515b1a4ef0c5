import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Catalog } from "@/lib/catalog";
import type { Db } from "../client";
import { catalogVersions, type CatalogVersionRow } from "../schema";

/** The fingerprint that ties a catalog version to its exact content. */
export function catalogSha256(catalog: Catalog): string {
  return createHash("sha256").update(JSON.stringify(catalog)).digest("hex");
}

/** Records a catalog version once; throws if that version was recorded with other content. */
export async function recordCatalogVersion(db: Db, params: { catalog: Catalog }): Promise<CatalogVersionRow> {
  const { catalog } = params;
  const sha256 = catalogSha256(catalog);
  await db
    .insert(catalogVersions)
    .values({ version: catalog.version, sha256, data: catalog })
    .onConflictDoNothing({ target: catalogVersions.version });
  const stored = await getCatalogVersion(db, { version: catalog.version });
  if (!stored) throw new Error(`Catalog version ${catalog.version} vanished right after it was recorded`);
  if (stored.sha256 !== sha256) {
    throw new Error(
      `Catalog content changed without a version bump: version ${catalog.version} was recorded with sha256 ` +
        `${stored.sha256}, the catalog in force has ${sha256}. Bump "version" in lib/catalog/catalog.json.`,
    );
  }
  return stored;
}

/** The recorded catalog version, or undefined if it has not been served yet. */
export async function getCatalogVersion(db: Db, params: { version: string }): Promise<CatalogVersionRow | undefined> {
  const rows = await db.select().from(catalogVersions).where(eq(catalogVersions.version, params.version)).limit(1);
  return rows[0];
}

/** Every recorded catalog version, newest first. */
export async function listCatalogVersions(db: Db): Promise<CatalogVersionRow[]> {
  return db.select().from(catalogVersions).orderBy(desc(catalogVersions.firstServedAt), desc(catalogVersions.version));
}
