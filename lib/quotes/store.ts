// Storing a quote and its versions: the number, the link token, where it starts, and what each
// revision changed. The statements are in lib/db/queries/quotes; the rules are here. Server only.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { insertQuote, insertQuoteVersion, lockQuote, updateQuote } from "@/lib/db/queries/quotes";
import type { QuoteRow } from "@/lib/db/schema";
import { sameAmount } from "@/lib/money";
import type { CartInput } from "@/lib/pricing/types";
import { canonicalJson } from "./canonical";
import { initialStatus, isClosed } from "./status";
import { issueToken } from "./token";

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

/** Stores a quote with its first version; the plain token is returned here once and never again. */
export async function createQuote(db: Db, params: CreateQuoteParams): Promise<{ quote: QuoteRow; token: string }> {
  const { token, hash } = issueToken();
  const id = randomUUID();
  const quote = await db.transaction(async (tx) => {
    const row = await insertQuote(tx, {
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
      status: initialStatus(params),
      currentVersion: 1,
      createdAt: params.now,
      updatedAt: params.now,
    });
    await insertQuoteVersion(tx, { quoteId: id, version: 1, tokenHash: hash, ...termsOf(params), createdAt: params.now, changes: null });
    return row;
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
    const current = await lockQuote(tx, { quoteId: params.quoteId });
    if (!current) return { ok: false as const, reason: "NOT_FOUND" as const };
    if (isClosed(current.status)) return { ok: false as const, reason: "CLOSED" as const };
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
    await insertQuoteVersion(tx, { quoteId: current.id, version, tokenHash: hash, ...termsOf(after), createdAt: params.now, changes });
    const quote = await updateQuote(tx, {
      quoteId: current.id,
      set: {
        ...termsOf(after),
        ...params.details,
        ...(params.catalogVersion ? { catalogVersion: params.catalogVersion } : {}),
        currentVersion: version,
        status: initialStatus(params),
        // An approval was of the version the operator saw; a new version starts unapproved.
        approvedBy: null,
        approvedAt: null,
        openedAt: null,
        updatedAt: params.now,
      },
    });
    return { ok: true as const, token, version, changes, quote };
  });
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
    const same =
      field === "discountPercent" || field === "negotiatedSeatPrice"
        ? sameAmount(before[field], after[field]) // "10" and "10.00" (as numeric returns it) are the same
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
