"use server";

import { auditSubjects } from "@/lib/audit";
import { revalidatePath } from "next/cache";
import { findUserById } from "@/lib/db/queries/users";
import { issueQuote, type IssueQuoteResult } from "@/lib/quotes/issue";
import { issueQuoteSchema } from "@/lib/validations/quote";
import { audited, hasRole, publicAction, signedIn, toAction } from "./client";

/** The quote builder's submit: a new quote or a revision; the rep's limit is read from the database, never the form. */
export const issueQuoteAction = toAction(
  "role",
  publicAction("issue-quote", issueQuoteSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("sales", "operator"))
    .useValidated(audited(auditSubjects.quote))
    .action(async ({ clientInput, ctx }): Promise<IssueQuoteResult> => {
      const row = await findUserById(ctx.db, { id: ctx.user.id });
      if (!row) return { ok: false, error: "FORBIDDEN" };
      // The domain parses the same input again: it is also called outside an action.
      const result = await issueQuote(ctx.db, clientInput, {
        staff: { id: row.id, role: ctx.user.role, discountLimitPercent: row.discountLimitPercent },
        locale: ctx.locale,
        now: ctx.now,
      });
      if (result.ok) {
        revalidatePath("/sales/quotes");
        revalidatePath("/operator/quotes");
      }
      return result;
    }),
);
