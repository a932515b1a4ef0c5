import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { integer, jsonb, numeric, pgSchema, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { migrate, type Db, type DbHandle } from "./client";
import { catalogSha256, getCatalogVersion, listCatalogVersions, recordCatalogVersion } from "./queries/catalog-versions";
import { catalogVersions } from "./schema";
import { seed } from "./seed";
import { freshDb, testBackend } from "./testing";

const migrationsTable = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
});
const journal = JSON.parse(readFileSync("lib/db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };

// A scratch table for checking how each driver maps column types back to JavaScript.
const roundTrip = pgTable("round_trip", {
  id: integer("id").primaryKey(),
  amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
  doc: jsonb("doc").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});

describe(`database on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;

  beforeEach(async () => {
    handle = await freshDb();
    db = handle.db;
  });
  afterEach(async () => {
    await handle.close();
  });

  it("applies migrations to a fresh database, and running them again changes nothing", async () => {
    await migrate(db);
    await migrate(db);
    expect(await db.select().from(migrationsTable)).toHaveLength(journal.entries.length);
    expect(await listCatalogVersions(db)).toEqual([]);
  });

  it("seeds the catalog in force exactly once", async () => {
    await migrate(db);
    await seed(db);
    const [first] = await listCatalogVersions(db);
    await seed(db);
    const rows = await listCatalogVersions(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(first);
    expect(rows[0]).toMatchObject({ version: catalog.version, sha256: catalogSha256(catalog) });
    expect(rows[0]?.firstServedAt).toBeInstanceOf(Date);
    expect(rows[0]?.data).toEqual(catalog);
  });

  it("refuses changed catalog content under the same version", async () => {
    await migrate(db);
    await seed(db);
    const changed = { ...catalog, rules: { ...catalog.rules, maxLineQuantity: catalog.rules.maxLineQuantity + 1 } };
    await expect(recordCatalogVersion(db, { catalog: changed })).rejects.toThrow(/without a version bump/);
    expect((await getCatalogVersion(db, { version: catalog.version }))?.sha256).toBe(catalogSha256(catalog));
  });

  it("seed refuses to start when the recorded version has other content", async () => {
    await migrate(db);
    await db.insert(catalogVersions).values({ version: catalog.version, sha256: "stale", data: {} });
    await expect(seed(db)).rejects.toThrow(/bump "version" in lib\/catalog\/catalog\.json/i);
  });

  it("returns numeric as an exact string, jsonb as data and timestamptz as Date", async () => {
    await db.execute(
      sql`create table round_trip (id integer primary key, amount numeric(12,2) not null, doc jsonb not null, at timestamptz not null)`,
    );
    const at = new Date("2026-11-01T08:00:00.123Z");
    const doc = { price: "988.00", names: { "zh-CN": "专业版", en: "Pro" }, seats: [1, 5], none: null };
    await db.insert(roundTrip).values({ id: 1, amount: "1234567890.10", doc, at });
    const [row] = await db.select().from(roundTrip);
    expect(row).toEqual({ id: 1, amount: "1234567890.10", doc, at });
    const [sum] = await db.select({ total: sql<string>`sum(${roundTrip.amount}) + 0.2` }).from(roundTrip);
    expect(sum?.total).toBe("1234567890.30");
  });
});
