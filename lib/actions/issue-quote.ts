"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/catalog";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { findUserById } from "@/lib/db/queries/users";
import { issueQuote, type IssueQuoteResult } from "@/lib/quotes/issue";

/** The quote builder's submit: a new quote or a revision; the rep's limit is read from the database, never the form. */
export async function issueQuoteAction(input: unknown): Promise<IssueQuoteResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "FORBIDDEN" };
  const db = await getDb();
  const row = await findUserById(db, { id: user.id });
  if (!row) return { ok: false, error: "FORBIDDEN" };
  const result = await issueQuote(db, input, {
    staff: { id: row.id, role: user.role, discountLimitPercent: row.discountLimitPercent },
    locale: (await getLocale()) as Locale,
    now: await requestNow(),
  });
  if (result.ok) {
    revalidatePath("/sales/quotes");
    revalidatePath("/operator/quotes");
  }
  return result;
}
