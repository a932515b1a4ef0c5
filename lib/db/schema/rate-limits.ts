import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * rate-limiter-flexible's counters (lib/limits), shared by every server on this database. The
 * columns are exactly what its Postgres store reads and writes (key, points, expire as epoch ms);
 * it is told the table exists (`tableCreated`), so this migration, not the library, creates it.
 */
export const rateLimits = pgTable("rate_limits", {
  /** `<limit name>:<key>`, e.g. `sign-in:203.0.113.7`. */
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  /** Epoch milliseconds when the window (or block) ends; null never expires. */
  expire: bigint("expire", { mode: "number" }),
});
