// Statements on quotes and their versions. The rules (statuses, expiry, who may do what) are in
// lib/quotes; these functions do what they are told.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { quotes, quoteVersions, type QuoteRow, type QuoteStatus, type QuoteVersionRow } from "../schema";

type NewQuote = typeof quotes.$inferInsert;
type NewQuoteVersion = typeof quoteVersions.$inferInsert;

/** Stores a quote row. */
export async function insertQuote(db: Db, values: NewQuote): Promise<QuoteRow> {
  const [row] = await db.insert(quotes).values(values).returning();
  return row!;
}

/** Stores a version of a quote. */
export async function insertQuoteVersion(db: Db, values: NewQuoteVersion): Promise<void> {
  await db.insert(quoteVersions).values(values);
}

/** Locks a quote row (SELECT … FOR UPDATE) until the transaction ends; undefined when there is none. */
export async function lockQuote(tx: Db, params: { quoteId: string }): Promise<QuoteRow | undefined> {
  const [row] = await tx.select().from(quotes).where(eq(quotes.id, params.quoteId)).for("update");
  return row;
}

/** Writes `set` on a quote the caller has locked; returns the row as written. */
export async function updateQuote(tx: Db, params: { quoteId: string; set: Partial<NewQuote> }): Promise<QuoteRow> {
  const [row] = await tx.update(quotes).set(params.set).where(eq(quotes.id, params.quoteId)).returning();
  return row!;
}

/**
 * Compare-and-set: writes `set` only when the quote's status is one of `where.status` (and, when
 * given, its current version is `where.version`, its author is `where.createdBy`, its author is
 * not `where.notCreatedBy`). One statement, so of concurrent callers at most one matches. True when it wrote.
 */
export async function setQuoteStatus(
  db: Db,
  params: {
    quoteId: string;
    where: { status: readonly QuoteStatus[]; version?: number; createdBy?: string; notCreatedBy?: string };
    set: Partial<Pick<NewQuote, "status" | "approvedBy" | "approvedAt" | "revokedAt" | "openedAt" | "updatedAt">>;
  },
): Promise<boolean> {
  const { where } = params;
  const rows = await db
    .update(quotes)
    .set(params.set)
    .where(
      and(
        eq(quotes.id, params.quoteId),
        inArray(quotes.status, [...where.status]),
        where.version !== undefined ? eq(quotes.currentVersion, where.version) : undefined,
        where.createdBy !== undefined ? eq(quotes.createdBy, where.createdBy) : undefined,
        where.notCreatedBy !== undefined ? ne(quotes.createdBy, where.notCreatedBy) : undefined,
      ),
    )
    .returning({ id: quotes.id });
  return rows.length === 1;
}

/** The version whose link token hashes to `tokenHash`, with its quote, or undefined. */
export async function findQuoteVersionByTokenHash(
  db: Db,
  params: { tokenHash: string },
): Promise<{ quote: QuoteRow; version: QuoteVersionRow } | undefined> {
  const [row] = await db
    .select({ quote: quotes, version: quoteVersions })
    .from(quoteVersions)
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(eq(quoteVersions.tokenHash, params.tokenHash));
  return row;
}

/** One quote with every version, oldest first, or undefined. */
export async function getQuoteWithVersions(
  db: Db,
  params: { quoteId: string },
): Promise<{ quote: QuoteRow; versions: QuoteVersionRow[] } | undefined> {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, params.quoteId));
  if (!quote) return undefined;
  const versions = await db.select().from(quoteVersions).where(eq(quoteVersions.quoteId, quote.id)).orderBy(asc(quoteVersions.version));
  return { quote, versions };
}

/** Quotes waiting for an operator's approval, oldest first. */
export async function listQuotesPendingApproval(db: Db): Promise<QuoteRow[]> {
  return db.select().from(quotes).where(eq(quotes.status, "pending_approval")).orderBy(asc(quotes.updatedAt));
}

/** Quotes as stored, newest first: one author's with `createdBy`, else every quote. */
export async function listQuotes(db: Db, params: { createdBy?: string; limit?: number }): Promise<QuoteRow[]> {
  return db
    .select()
    .from(quotes)
    .where(params.createdBy === undefined ? undefined : eq(quotes.createdBy, params.createdBy))
    .orderBy(desc(quotes.createdAt), desc(sql`${quotes.number}`))
    .limit(params.limit ?? 200);
}
