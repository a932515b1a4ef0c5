import { sql } from "drizzle-orm";
import { createDb, migrate, type DbHandle } from "./client";

/** The backend database tests run on: PostgreSQL when TEST_DATABASE_URL is set, else in-memory PGlite. */
export const testBackend = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite (memory)";

/** A database with nothing in it: a new PGlite, or a PostgreSQL schema dropped and recreated. */
export async function freshDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const handle = createDb({ url: url ?? "memory://" });
  if (url) {
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema if exists public cascade`);
    await handle.db.execute(sql`create schema public`);
  }
  return handle;
}

/** A fresh database with every migration applied. */
export async function migratedDb(): Promise<DbHandle> {
  const handle = await freshDb();
  await migrate(handle.db);
  return handle;
}
