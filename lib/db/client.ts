import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { is } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite, PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { acquireDataDirLock } from "./lock.mjs";
import * as schema from "./schema";
import { seed } from "./seed";

// No `server-only` here: plain node scripts and vitest open the database too.

/** A Drizzle database on either backend; query functions take this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL for a postgres:// URL, else PGlite in `<dataDir>/pglite` (or in memory for "memory://").
 * A data folder is locked to this process until close(); one another live process holds throws DataDirLockedError.
 */
export function createDb(options: { url?: string; dataDir?: string }): DbHandle {
  const { url, dataDir = "./.data" } = options;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new Pool({ connectionString: url });
    return { db: drizzlePg({ client: pool, schema }), close: () => pool.end() };
  }
  if (url === "memory://") {
    const client = new PGlite("memory://");
    return { db: drizzlePglite({ client, schema }), close: () => client.close() };
  }
  // One process per folder (PGlite has no lock of its own): refuse, naming the holder, before opening it.
  const lock = acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    const location = path.resolve(dataDir, "pglite");
    // PGlite does not create parent folders.
    mkdirSync(location, { recursive: true });
    client = new PGlite(location);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client, schema }),
    close: () => client.close().finally(() => lock.release()),
  };
}

/** Applies pending migrations from lib/db/migrations; safe to run on every start. */
export async function migrate(db: Db): Promise<void> {
  // Next bundles this file, so import.meta.url does not point at the source tree.
  const config = { migrationsFolder: path.join(process.cwd(), "lib/db/migrations") };
  if (is(db, PgliteDatabase)) await migratePglite(db, config);
  else await migratePg(db as Parameters<typeof migratePg>[0], config);
}

const globalForDb = globalThis as typeof globalThis & { __dbPromise?: Promise<Db> };

/** The process-wide database from `env()`, migrated and seeded on first use. */
export function getDb(): Promise<Db> {
  // Keep the promise, not the result: concurrent first callers must share one PGlite instance.
  globalForDb.__dbPromise ??= open().catch((error: unknown) => {
    globalForDb.__dbPromise = undefined;
    throw error;
  });
  return globalForDb.__dbPromise;
}

// Any fixed key: the servers of one PostgreSQL database take turns at migrating and seeding under it.
const STARTUP_LOCK_KEY = 7_316_224_011;

/**
 * Runs `fn` while holding PostgreSQL's advisory lock for start-up, so servers started together on one database
 * migrate it one after the other (the migrator has no lock of its own). The embedded database has one process.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof Pool)) return fn();
  // A session lock on a connection of its own, held while `fn` uses the others of the pool.
  const holder = await client.connect();
  try {
    await holder.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await holder.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
    }
  } finally {
    holder.release();
  }
}

async function open(): Promise<Db> {
  const { DATABASE_URL, DATA_DIR } = env();
  const handle = createDb({ url: DATABASE_URL, dataDir: DATA_DIR });
  try {
    await withStartupLock(handle.db, async () => {
      await migrate(handle.db);
      await seed(handle.db);
    });
    return handle.db;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
