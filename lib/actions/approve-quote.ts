"use server";

import { auditSubjects } from "@/lib/audit";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { approveQuote } from "@/lib/quotes/lifecycle";
import { quoteDecisionSchema, type QuoteAdminResult } from "@/lib/validations/quote-admin";
import { audited, hasRole, publicAction, signedIn, toAction } from "./client";
import { revalidateQuote } from "./revalidate-quote";

/** An operator approves the version of a quote they saw waiting for approval: its link starts to work. Input `{ quoteId, version }`. */
export const approveQuoteAction: (input: unknown) => Promise<QuoteAdminResult> = toAction(
  "role",
  publicAction("approve-quote", quoteDecisionSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.quote))
    .action(async ({ parsedInput: { quoteId, version }, ctx }): Promise<QuoteAdminResult> => {
      const approved = await approveQuote(ctx.db, { quoteId, approvedBy: ctx.user.id, now: ctx.now, version });
      if (!approved) {
        const found = await getQuoteWithVersions(ctx.db, { quoteId });
        // Four eyes: the operator who wrote a quote cannot approve its discount or price.
        return { ok: false, error: !found ? "NOT_FOUND" : found.quote.createdBy === ctx.user.id ? "OWN_QUOTE" : "NOT_PENDING" };
      }
      revalidateQuote(quoteId);
      return { ok: true };
    }),
  // A malformed id names no quote.
  (): QuoteAdminResult => ({ ok: false, error: "NOT_FOUND" }),
);
