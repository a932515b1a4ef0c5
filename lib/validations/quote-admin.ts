import { z } from "zod";

/** A staff decision on one quote: its id, and for approve/reject the version the operator saw. */
export const quoteIdSchema = z.object({ quoteId: z.string().trim().min(1).max(64) });
export const quoteDecisionSchema = quoteIdSchema.extend({ version: z.number().int().positive() });

export type QuoteAdminError = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "NOT_PENDING" | "NOT_REVOCABLE" | "OWN_QUOTE";
/** What a staff decision on a quote came to; errors are keys of `QuoteAdmin.errors`. */
export type QuoteAdminResult = { ok: true } | { ok: false; error: QuoteAdminError };
