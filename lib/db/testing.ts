import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { createDb, migrate, type Db, type DbHandle } from "./client";

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

/**
 * What a second server would hold on the database `first` is open on: on PostgreSQL its own pool, so the two
 * race as two servers do; PGlite has one connection per process, so there it is `first` again (closing it is a
 * no-op: `first` is closed by its owner).
 */
export function secondServerDb(first: DbHandle): DbHandle {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createDb({ url }) : { db: first.db, close: async () => {} };
}

type AnyTable = PgTable & { $inferSelect: Record<string, unknown>; $inferInsert: Record<string, unknown> };

/** `column = value` for every key of `match`, AND-ed (no key: every row). */
function matching<T extends AnyTable>(table: T, match: Partial<T["$inferSelect"]>): SQL | undefined {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return and(
    ...Object.entries(match).map(([key, value]) => {
      const column = columns[key];
      if (!column) throw new Error(`no column ${key}`);
      return eq(column, value);
    }),
  );
}

/** Tests only: the rows of `table` whose columns equal `match`, to assert what was stored. */
export async function rowsWhere<T extends AnyTable>(
  db: Db,
  table: T,
  match: Partial<T["$inferSelect"]> = {},
): Promise<T["$inferSelect"][]> {
  return (await db
    .select()
    .from(table as PgTable)
    .where(matching(table, match))) as T["$inferSelect"][];
}

/** Tests only: writes `set` on the rows of `table` whose columns equal `match` (to stage a state, or to prove a constraint refuses it). */
export async function updateRows<T extends AnyTable>(db: Db, table: T, match: Partial<T["$inferSelect"]>, set: Partial<T["$inferInsert"]>) {
  await db
    .update(table as PgTable)
    .set(set)
    .where(matching(table, match));
}
