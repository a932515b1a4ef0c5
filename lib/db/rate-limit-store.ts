import type { PGlite } from "@electric-sql/pglite";
import { getTableName, is } from "drizzle-orm";
import { PgliteDatabase } from "drizzle-orm/pglite";
import type { Pool } from "pg";
import type { Db } from "./client";
import { rateLimits } from "./schema";

/** A query as rate-limiter-flexible's Postgres store sends it (node-postgres' query config). */
interface StoreQuery {
  text: string;
  values?: unknown[];
  name?: string;
}

interface StoreResult {
  rows: { points: number; expire: number | null }[];
  rowCount: number;
}

/** What `new RateLimiterPostgres({ ...rateLimitStore(db) })` needs to keep its counters in this database. */
export interface RateLimitStore {
  storeClient: { query(q: StoreQuery): Promise<StoreResult> };
  storeType: "client";
  tableName: string;
  /** The table comes from a migration (lib/db/schema/rate-limits.ts): the library must not create it. */
  tableCreated: true;
}

type Row = Record<string, unknown>;

/** expire is a bigint: node-postgres answers it as a string, PGlite as a number or BigInt. */
function normalise(rows: Row[]): StoreResult["rows"] {
  return rows.map((row) => ({
    points: Number(row.points),
    expire: row.expire === null || row.expire === undefined ? null : Number(row.expire),
  }));
}

/**
 * The application database as rate-limiter-flexible's Postgres store client: the pg Pool on
 * PostgreSQL (every server shares the counters), PGlite's `query(sql, params)` on the embedded one.
 * The SQL is the library's own (an upsert per consume), against the `rate_limits` table.
 */
export function rateLimitStore(db: Db): RateLimitStore {
  const query = is(db, PgliteDatabase)
    ? async (q: StoreQuery): Promise<StoreResult> => {
        // PGlite has one connection and no named prepared statements: the name is dropped.
        const result = await client<PGlite>(db).query<Row>(q.text, q.values ?? []);
        return { rows: normalise(result.rows), rowCount: result.rows.length || (result.affectedRows ?? 0) };
      }
    : async (q: StoreQuery): Promise<StoreResult> => {
        const result = await client<Pool>(db).query<Row>({ text: q.text, values: q.values ?? [], name: q.name });
        return { rows: normalise(result.rows), rowCount: result.rowCount ?? result.rows.length };
      };
  return { storeClient: { query }, storeType: "client", tableName: getTableName(rateLimits), tableCreated: true };
}

/** The driver's own client under a drizzle database. */
function client<C>(db: Db): C {
  return (db as unknown as { $client: C }).$client;
}
