import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { sameAmount } from "@/lib/money";
import type { CartInput } from "@/lib/pricing/types";
import { canonicalJson } from "@/lib/quotes/canonical";
import { hashToken, isWellFormedToken, issueToken, tokenMatchesHash } from "@/lib/quotes/token";
import type { Db } from "../client";
import { quotes, quoteVersions, type QuoteRow, type QuoteStatus, type QuoteVersionRow } from "../schema";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A readable quote number: QT + the date in China + 6 unambiguous characters. */
export function quoteNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
  return `QT${day}-${Array.from(randomBytes(6), (b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

/** The price terms a version fixes; a revision may change any of them. */
export interface QuoteTermsInput {
  cart: CartInput;
  /** "10" or "15.01": percent off, two places at most. */
  discountPercent: string;
  negotiatedSeatPrice: string | null;
  expiresAt: Date;
}

export interface CreateQuoteParams extends QuoteTermsInput {
  createdBy: string;
  customerName: string;
  customerEmail: string;
  note?: string | null;
  catalogVersion: string;
  buyerMayEdit: boolean;
  /** From `needsApproval`: the link stays shut (PENDING_APPROVAL) until an operator approves. */
  requiresApproval: boolean;
  /** Saved, not sent: no link works until the rep issues a version of it. */
  draft?: boolean;
  now: Date;
}

/** Where a newly stored version starts. */
const statusOf = (p: { draft?: boolean; requiresApproval: boolean }): QuoteStatus =>
  p.draft ? "draft" : p.requiresApproval ? "pending_approval" : "sent";

/** Stores a quote with its first version; the plain token is returned here once and never again. */
export async function createQuote(db: Db, params: CreateQuoteParams): Promise<{ quote: QuoteRow; token: string }> {
  const { token, hash } = issueToken();
  const id = randomUUID();
  const quote = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(quotes)
      .values({
        id,
        number: quoteNumber(params.now),
        createdBy: params.createdBy,
        customerName: params.customerName,
        customerEmail: params.customerEmail,
        note: params.note ?? null,
        cart: params.cart,
        catalogVersion: params.catalogVersion,
        discountPercent: params.discountPercent,
        negotiatedSeatPrice: params.negotiatedSeatPrice,
        buyerMayEdit: params.buyerMayEdit,
        expiresAt: params.expiresAt,
        status: statusOf(params),
        currentVersion: 1,
        createdAt: params.now,
        updatedAt: params.now,
      })
      .returning();
    await tx
      .insert(quoteVersions)
      .values({ quoteId: id, version: 1, tokenHash: hash, ...termsOf(params), createdAt: params.now, changes: null });
    return row!;
  });
  return { quote, token };
}

/** The parts of a quote besides its price terms. */
export interface QuoteDetails {
  customerName: string;
  customerEmail: string;
  note: string | null;
  buyerMayEdit: boolean;
}

/** What a revision changed, field by field, against the version before it. */
export type QuoteChanges = Partial<Record<keyof QuoteTermsInput | keyof QuoteDetails | "catalogVersion", { from: unknown; to: unknown }>>;

export type IssueRevisionResult =
  { ok: true; token: string; version: number; changes: QuoteChanges; quote: QuoteRow } | { ok: false; reason: "NOT_FOUND" | "CLOSED" };

/**
 * Issues a new version of a quote with a new link; every earlier link becomes SUPERSEDED.
 * Converted and revoked quotes cannot be revised. Returns the plain token once.
 */
export async function issueRevision(
  db: Db,
  params: {
    quoteId: string;
    changes: Partial<QuoteTermsInput>;
    /** Who the quote is for and how the buyer may use it; recorded in the version's changes too. */
    details?: QuoteDetails;
    /** The catalog the revision is priced on (a revision takes the catalog in force). */
    catalogVersion?: string;
    requiresApproval: boolean;
    draft?: boolean;
    now: Date;
  },
): Promise<IssueRevisionResult> {
  const { token, hash } = issueToken();
  return db.transaction(async (tx) => {
    // Lock the quote so two concurrent revisions cannot both take the same next version number.
    const [current] = await tx.select().from(quotes).where(eq(quotes.id, params.quoteId)).for("update");
    if (!current) return { ok: false as const, reason: "NOT_FOUND" as const };
    if (current.status === "converted" || current.status === "revoked") return { ok: false as const, reason: "CLOSED" as const };
    const before: QuoteTermsInput = {
      cart: current.cart as CartInput,
      discountPercent: current.discountPercent,
      negotiatedSeatPrice: current.negotiatedSeatPrice,
      expiresAt: current.expiresAt,
    };
    const after: QuoteTermsInput = { ...before, ...definedOnly(params.changes) };
    const changes: QuoteChanges = { ...diffTerms(before, after), ...diffDetails(current, params.details) };
    // Re-priced on another price list: the price can move with no term changed, so say so.
    if (params.catalogVersion && params.catalogVersion !== current.catalogVersion)
      changes.catalogVersion = { from: current.catalogVersion, to: params.catalogVersion };
    const version = current.currentVersion + 1;
    await tx
      .insert(quoteVersions)
      .values({ quoteId: current.id, version, tokenHash: hash, ...termsOf(after), createdAt: params.now, changes });
    const [quote] = await tx
      .update(quotes)
      .set({
        ...termsOf(after),
        ...params.details,
        ...(params.catalogVersion ? { catalogVersion: params.catalogVersion } : {}),
        currentVersion: version,
        status: statusOf(params),
        // An approval was of the version the operator saw; a new version starts unapproved.
        approvedBy: null,
        approvedAt: null,
        openedAt: null,
        updatedAt: params.now,
      })
      .where(eq(quotes.id, current.id))
      .returning();
    return { ok: true as const, token, version, changes, quote: quote! };
  });
}

export type QuoteLookupFailure = "MALFORMED" | "UNKNOWN" | "SUPERSEDED" | "EXPIRED" | "REVOKED" | "PENDING_APPROVAL" | "CONVERTED";

export type QuoteLookup =
  { ok: true; quote: QuoteRow; version: QuoteVersionRow } | { ok: false; reason: QuoteLookupFailure; quoteId?: string };

/**
 * The quote a link token opens, with the version that token belongs to, or why not. Only the
 * token's hash reaches the database; expiry is judged against the injected `now`.
 */
export async function findQuoteByToken(db: Db, params: { token: string; now: Date }): Promise<QuoteLookup> {
  if (!isWellFormedToken(params.token)) return { ok: false, reason: "MALFORMED" };
  const [row] = await db
    .select({ quote: quotes, version: quoteVersions })
    .from(quoteVersions)
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(eq(quoteVersions.tokenHash, hashToken(params.token)));
  if (!row || !tokenMatchesHash(params.token, row.version.tokenHash)) return { ok: false, reason: "UNKNOWN" };
  const { quote, version } = row;
  if (quote.status === "revoked") return { ok: false, reason: "REVOKED" };
  if (version.version !== quote.currentVersion) return { ok: false, reason: "SUPERSEDED" };
  if (quote.status === "converted") return { ok: false, reason: "CONVERTED", quoteId: quote.id };
  if (quote.status === "expired" || version.expiresAt <= params.now) return { ok: false, reason: "EXPIRED" };
  if (quote.status === "draft" || quote.status === "pending_approval") return { ok: false, reason: "PENDING_APPROVAL" };
  return { ok: true, quote, version };
}

/**
 * Marks the quote converted by an order, inside that order's transaction. Only the current version
 * of a sent or opened quote converts; false (and the caller rolls the order back) otherwise, so one
 * quote never becomes two live orders and a link revoked or revised meanwhile is not honoured.
 */
export async function convertQuote(tx: Db, params: { quoteId: string; version: number; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(quotes)
    .set({ status: "converted", updatedAt: params.now })
    .where(and(eq(quotes.id, params.quoteId), eq(quotes.currentVersion, params.version), inArray(quotes.status, ["sent", "opened"])))
    .returning({ id: quotes.id });
  return rows.length === 1;
}

/** An order from the quote expired or was cancelled unpaid: the quote's link works again (converted → opened). */
export async function releaseQuote(tx: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(quotes)
    .set({ status: "opened", updatedAt: params.now })
    .where(and(eq(quotes.id, params.quoteId), eq(quotes.status, "converted")))
    .returning({ id: quotes.id });
  return rows.length === 1;
}

/**
 * A late payment arrived for an order whose quote had been handed back: the quote is converted
 * again unless another order took it meanwhile (then both orders stand: the money was received)
 * or it was revoked. True when it changed.
 */
export async function reclaimQuote(tx: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(quotes)
    .set({ status: "converted", updatedAt: params.now })
    .where(and(eq(quotes.id, params.quoteId), inArray(quotes.status, ["sent", "opened", "pending_approval", "draft"])))
    .returning({ id: quotes.id });
  return rows.length === 1;
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

/**
 * An operator approves a quote waiting for approval; its current link starts to work. With
 * `version`, only that version (the one the operator saw): a revision made meanwhile stays pending.
 * Never by the quote's own author.
 */
export async function approveQuote(db: Db, params: { quoteId: string; approvedBy: string; now: Date; version?: number }): Promise<boolean> {
  const rows = await db
    .update(quotes)
    .set({ status: "sent", approvedBy: params.approvedBy, approvedAt: params.now, updatedAt: params.now })
    .where(
      and(
        eq(quotes.id, params.quoteId),
        eq(quotes.status, "pending_approval"),
        // Four eyes: nobody approves a quote they wrote.
        ne(quotes.createdBy, params.approvedBy),
        params.version !== undefined ? eq(quotes.currentVersion, params.version) : undefined,
      ),
    )
    .returning({ id: quotes.id });
  return rows.length === 1;
}

const REVOCABLE: QuoteStatus[] = ["draft", "pending_approval", "sent", "opened", "expired"];

/** Revokes a quote (not one already converted); every link of it then shows REVOKED. False when nothing changed. */
export async function revokeQuote(db: Db, params: { quoteId: string; now: Date; createdBy?: string }): Promise<boolean> {
  const rows = await db
    .update(quotes)
    .set({ status: "revoked", revokedAt: params.now, updatedAt: params.now })
    .where(
      and(
        eq(quotes.id, params.quoteId),
        inArray(quotes.status, REVOCABLE),
        // When given, only the quote's own salesperson may revoke it.
        params.createdBy !== undefined ? eq(quotes.createdBy, params.createdBy) : undefined,
      ),
    )
    .returning({ id: quotes.id });
  return rows.length === 1;
}

/** Records the buyer's first open of a sent quote (sent → opened); true only that first time. */
export async function markOpened(db: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(quotes)
    .set({ status: "opened", openedAt: params.now, updatedAt: params.now })
    .where(and(eq(quotes.id, params.quoteId), eq(quotes.status, "sent")))
    .returning({ id: quotes.id });
  return rows.length === 1;
}

/** A salesperson's quotes (every quote without `userId`), newest first; with `now`, sent/opened quotes past expiry show as expired. */
export async function listQuotesForStaff(db: Db, params: { userId?: string; now?: Date; limit?: number }): Promise<QuoteRow[]> {
  const rows = await db
    .select()
    .from(quotes)
    .where(params.userId === undefined ? undefined : eq(quotes.createdBy, params.userId))
    .orderBy(desc(quotes.createdAt), desc(sql`${quotes.number}`))
    .limit(params.limit ?? 200);
  const now = params.now;
  if (!now) return rows;
  return rows.map((q) => ((q.status === "sent" || q.status === "opened") && q.expiresAt <= now ? { ...q, status: "expired" as const } : q));
}

function termsOf(t: QuoteTermsInput) {
  return { cart: t.cart, discountPercent: t.discountPercent, negotiatedSeatPrice: t.negotiatedSeatPrice, expiresAt: t.expiresAt };
}

function definedOnly(changes: Partial<QuoteTermsInput>): Partial<QuoteTermsInput> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<QuoteTermsInput>;
}

function diffTerms(before: QuoteTermsInput, after: QuoteTermsInput): QuoteChanges {
  const changes: QuoteChanges = {};
  const key = (v: unknown) => (v instanceof Date ? v.toISOString() : canonicalJson(v));
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  for (const field of ["cart", "discountPercent", "negotiatedSeatPrice", "expiresAt"] as const) {
    // Percent and price compare by value: "10" and "10.00" (as numeric returns it) are the same.
    const same =
      field === "discountPercent" || field === "negotiatedSeatPrice"
        ? sameAmount(before[field], after[field])
        : key(before[field]) === key(after[field]);
    if (!same) changes[field] = { from: plain(before[field]), to: plain(after[field]) };
  }
  return changes;
}

function diffDetails(before: QuoteDetails, after: QuoteDetails | undefined): QuoteChanges {
  const changes: QuoteChanges = {};
  if (!after) return changes;
  for (const field of ["customerName", "customerEmail", "note", "buyerMayEdit"] as const) {
    if ((before[field] ?? null) !== (after[field] ?? null)) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
