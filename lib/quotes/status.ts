// The quote status rules in one place: where a stored version starts, which statuses each move
// starts from, what staff see and what a link opens. Pure: no database, safe anywhere.
import type { QuoteRow, QuoteStatus, QuoteVersionRow } from "@/lib/db/schema";

/** Where a newly stored version starts: a draft, waiting for approval, or sent. */
export const initialStatus = (p: { draft?: boolean; requiresApproval: boolean }): QuoteStatus =>
  p.draft ? "draft" : p.requiresApproval ? "pending_approval" : "sent";

/** Converted and revoked quotes are closed: no revoke, no new revision. */
export const isClosed = (status: QuoteStatus) => status === "converted" || status === "revoked";

/** A sent or opened quote past its expiry is expired, though its row still says sent or opened. */
const isLapsed = (quote: Pick<QuoteRow, "status" | "expiresAt">, now: Date) =>
  (quote.status === "sent" || quote.status === "opened") && quote.expiresAt <= now;

/** The status staff see: a sent or opened quote past its expiry shows as expired. */
export function displayStatus(quote: Pick<QuoteRow, "status" | "expiresAt">, now: Date): QuoteStatus {
  return isLapsed(quote, now) ? "expired" : quote.status;
}

/** Statuses an order may convert from (only the current version of a sent or opened quote). */
export const CONVERTIBLE: readonly QuoteStatus[] = ["sent", "opened"];
/** Statuses a late payment takes a handed-back quote from (not one another order took, nor a revoked one). */
export const RECLAIMABLE: readonly QuoteStatus[] = ["sent", "opened", "pending_approval", "draft"];
/** Statuses a quote may be revoked from: anything not closed. */
export const REVOCABLE: readonly QuoteStatus[] = ["draft", "pending_approval", "sent", "opened", "expired"];

export type QuoteLookupFailure = "MALFORMED" | "UNKNOWN" | "SUPERSEDED" | "EXPIRED" | "REVOKED" | "PENDING_APPROVAL" | "CONVERTED";

/** Why a link's version cannot be opened at `now`, in the order the buyer should learn it; undefined when it opens. */
export function linkFailure(quote: QuoteRow, version: QuoteVersionRow, now: Date): QuoteLookupFailure | undefined {
  if (quote.status === "revoked") return "REVOKED";
  if (version.version !== quote.currentVersion) return "SUPERSEDED";
  if (quote.status === "converted") return "CONVERTED";
  if (quote.status === "expired" || version.expiresAt <= now) return "EXPIRED";
  if (quote.status === "draft" || quote.status === "pending_approval") return "PENDING_APPROVAL";
  return undefined;
}
