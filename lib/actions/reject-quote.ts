"use server";

import { auditSubjects } from "@/lib/audit";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { revokeQuote } from "@/lib/quotes/lifecycle";
import { quoteDecisionSchema, type QuoteAdminResult } from "@/lib/validations/quote-admin";
import { audited, hasRole, publicAction, signedIn, toAction } from "./client";
import { revalidateQuote } from "./revalidate-quote";

/**
 * An operator rejects the version of a quote they saw waiting for approval: it is revoked, so no
 * link of it ever works. Input `{ quoteId, version }`.
 */
export const rejectQuoteAction: (input: unknown) => Promise<QuoteAdminResult> = toAction(
  "role",
  publicAction("reject-quote", quoteDecisionSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.quote))
    .action(async ({ parsedInput: { quoteId, version }, ctx }): Promise<QuoteAdminResult> => {
      const found = await getQuoteWithVersions(ctx.db, { quoteId });
      if (!found) return { ok: false, error: "NOT_FOUND" };
      if (found.quote.status !== "pending_approval" || found.quote.currentVersion !== version) return { ok: false, error: "NOT_PENDING" };
      // An approval racing this reject makes the quote sent; revoking it still honours the rejection.
      if (!(await revokeQuote(ctx.db, { quoteId, now: ctx.now }))) return { ok: false, error: "NOT_PENDING" };
      revalidateQuote(quoteId);
      return { ok: true };
    }),
  // A malformed id names no quote.
  (): QuoteAdminResult => ({ ok: false, error: "NOT_FOUND" }),
);
