"use server";

import { auditSubjects } from "@/lib/audit";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { revokeQuote } from "@/lib/quotes/lifecycle";
import { canManageQuote } from "@/lib/quotes/staff-view";
import { isClosed } from "@/lib/quotes/status";
import { quoteIdSchema, type QuoteAdminResult } from "@/lib/validations/quote-admin";
import { audited, hasRole, publicAction, signedIn, toAction } from "./client";
import { revalidateQuote } from "./revalidate-quote";

/** A salesperson revokes their own quote, an operator any quote; every link of it stops working. Input `{ quoteId }`. */
export const revokeQuoteAction: (input: unknown) => Promise<QuoteAdminResult> = toAction(
  "role",
  publicAction("revoke-quote", quoteIdSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("sales", "operator"))
    .useValidated(audited(auditSubjects.quote))
    .action(async ({ parsedInput: { quoteId }, ctx }): Promise<QuoteAdminResult> => {
      const found = await getQuoteWithVersions(ctx.db, { quoteId });
      // Another rep's quote is as good as missing: its existence is not theirs to learn.
      if (!found || !canManageQuote(ctx.user, found.quote)) return { ok: false, error: "NOT_FOUND" };
      if (isClosed(found.quote.status)) return { ok: false, error: "NOT_REVOCABLE" };
      const revoked = await revokeQuote(ctx.db, {
        quoteId,
        now: ctx.now,
        createdBy: ctx.user.role === "operator" ? undefined : ctx.user.id,
      });
      // Converted or revoked between the read and the update.
      if (!revoked) return { ok: false, error: "NOT_REVOCABLE" };
      revalidateQuote(quoteId);
      return { ok: true };
    }),
  // A malformed id names no quote.
  (): QuoteAdminResult => ({ ok: false, error: "NOT_FOUND" }),
);
