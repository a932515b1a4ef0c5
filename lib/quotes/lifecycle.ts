// Moving a stored quote between statuses. Each move is one conditional update (compare-and-set
// on the statuses it may start from), so of two concurrent moves at most one applies.
// Server only (database).
import type { Db } from "@/lib/db/client";
import { findQuoteVersionByTokenHash, setQuoteStatus } from "@/lib/db/queries/quotes";
import type { QuoteRow, QuoteVersionRow } from "@/lib/db/schema";
import { CONVERTIBLE, linkFailure, RECLAIMABLE, REVOCABLE, type QuoteLookupFailure } from "./status";
import { hashToken, isWellFormedToken, tokenMatchesHash } from "./token";

export type QuoteLookup =
  { ok: true; quote: QuoteRow; version: QuoteVersionRow } | { ok: false; reason: QuoteLookupFailure; quoteId?: string };

/**
 * The quote a link token opens, with the version that token belongs to, or why not. Only the
 * token's hash reaches the database; expiry is judged against the injected `now`.
 */
export async function findQuoteByToken(db: Db, params: { token: string; now: Date }): Promise<QuoteLookup> {
  if (!isWellFormedToken(params.token)) return { ok: false, reason: "MALFORMED" };
  const row = await findQuoteVersionByTokenHash(db, { tokenHash: hashToken(params.token) });
  if (!row || !tokenMatchesHash(params.token, row.version.tokenHash)) return { ok: false, reason: "UNKNOWN" };
  const { quote, version } = row;
  const failure = linkFailure(quote, version, params.now);
  if (failure === "CONVERTED") return { ok: false, reason: failure, quoteId: quote.id };
  if (failure) return { ok: false, reason: failure };
  return { ok: true, quote, version };
}

/**
 * Marks the quote converted by an order, inside that order's transaction. Only the current version
 * of a sent or opened quote converts; false (and the caller rolls the order back) otherwise, so one
 * quote never becomes two live orders and a link revoked or revised meanwhile is not honoured.
 */
export async function convertQuote(tx: Db, params: { quoteId: string; version: number; now: Date }): Promise<boolean> {
  return setQuoteStatus(tx, {
    quoteId: params.quoteId,
    where: { status: CONVERTIBLE, version: params.version },
    set: { status: "converted", updatedAt: params.now },
  });
}

/** An order from the quote expired or was cancelled unpaid: the quote's link works again (converted → opened). */
export async function releaseQuote(tx: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  return setQuoteStatus(tx, {
    quoteId: params.quoteId,
    where: { status: ["converted"] },
    set: { status: "opened", updatedAt: params.now },
  });
}

/**
 * A late payment arrived for an order whose quote had been handed back: the quote is converted
 * again unless another order took it meanwhile (then both orders stand: the money was received)
 * or it was revoked. True when it changed.
 */
export async function reclaimQuote(tx: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  return setQuoteStatus(tx, {
    quoteId: params.quoteId,
    where: { status: RECLAIMABLE },
    set: { status: "converted", updatedAt: params.now },
  });
}

/**
 * An operator approves a quote waiting for approval; its current link starts to work. With
 * `version`, only that version (the one the operator saw): a revision made meanwhile stays pending.
 * Never by the quote's own author.
 */
export async function approveQuote(db: Db, params: { quoteId: string; approvedBy: string; now: Date; version?: number }): Promise<boolean> {
  return setQuoteStatus(db, {
    quoteId: params.quoteId,
    // Four eyes: nobody approves a quote they wrote.
    where: { status: ["pending_approval"], version: params.version, notCreatedBy: params.approvedBy },
    set: { status: "sent", approvedBy: params.approvedBy, approvedAt: params.now, updatedAt: params.now },
  });
}

/** Revokes a quote (not one already converted); every link of it then shows REVOKED. False when nothing changed. */
export async function revokeQuote(db: Db, params: { quoteId: string; now: Date; createdBy?: string }): Promise<boolean> {
  return setQuoteStatus(db, {
    quoteId: params.quoteId,
    // When given, only the quote's own salesperson may revoke it.
    where: { status: REVOCABLE, createdBy: params.createdBy },
    set: { status: "revoked", revokedAt: params.now, updatedAt: params.now },
  });
}

/** Records the buyer's first open of a sent quote (sent → opened); true only that first time. */
export async function markOpened(db: Db, params: { quoteId: string; now: Date }): Promise<boolean> {
  return setQuoteStatus(db, {
    quoteId: params.quoteId,
    where: { status: ["sent"] },
    set: { status: "opened", openedAt: params.now, updatedAt: params.now },
  });
}
