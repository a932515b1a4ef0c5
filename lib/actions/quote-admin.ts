"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { approveQuote, revokeQuote } from "@/lib/quotes/lifecycle";
import { canManageQuote } from "@/lib/quotes/staff-view";
import { isClosed } from "@/lib/quotes/status";

export type QuoteAdminError = "FORBIDDEN" | "NOT_FOUND" | "NOT_PENDING" | "NOT_REVOCABLE" | "OWN_QUOTE";
/** What a staff decision on a quote came to; errors are keys of `QuoteAdmin.errors`. */
export type QuoteAdminResult = { ok: true } | { ok: false; error: QuoteAdminError };

const quoteIdSchema = z.string().trim().min(1).max(64);

async function staffOnly(roles: readonly CurrentUser["role"][]): Promise<CurrentUser | undefined> {
  const user = await getCurrentUser();
  return user && roles.includes(user.role) ? user : undefined;
}

function revalidate(quoteId: string) {
  revalidatePath("/sales/quotes");
  revalidatePath(`/sales/quotes/${quoteId}`);
  revalidatePath("/operator/quotes");
}

/** A salesperson revokes their own quote, an operator any quote; every link of it stops working. */
export async function revokeQuoteAction(quoteId: string): Promise<QuoteAdminResult> {
  const parsed = quoteIdSchema.safeParse(quoteId);
  if (!parsed.success) return { ok: false, error: "NOT_FOUND" };
  const user = await staffOnly(["sales", "operator"]);
  if (!user) return { ok: false, error: "FORBIDDEN" };

  const db = await getDb();
  const found = await getQuoteWithVersions(db, { quoteId: parsed.data });
  // Another rep's quote is as good as missing: its existence is not theirs to learn.
  if (!found || !canManageQuote(user, found.quote)) return { ok: false, error: "NOT_FOUND" };
  if (isClosed(found.quote.status)) return { ok: false, error: "NOT_REVOCABLE" };
  const revoked = await revokeQuote(db, {
    quoteId: parsed.data,
    now: await requestNow(),
    createdBy: user.role === "operator" ? undefined : user.id,
  });
  // Converted or revoked between the read and the update.
  if (!revoked) return { ok: false, error: "NOT_REVOCABLE" };
  revalidate(parsed.data);
  return { ok: true };
}

/** An operator approves the version of a quote they saw waiting for approval: its link starts to work. */
export async function approveQuoteAction(quoteId: string, version: number): Promise<QuoteAdminResult> {
  const parsed = quoteIdSchema.safeParse(quoteId);
  if (!parsed.success) return { ok: false, error: "NOT_FOUND" };
  const user = await staffOnly(["operator"]);
  if (!user) return { ok: false, error: "FORBIDDEN" };

  const db = await getDb();
  const approved = await approveQuote(db, { quoteId: parsed.data, approvedBy: user.id, now: await requestNow(), version });
  if (!approved) {
    const found = await getQuoteWithVersions(db, { quoteId: parsed.data });
    // Four eyes: the operator who wrote a quote cannot approve its discount or price.
    return { ok: false, error: !found ? "NOT_FOUND" : found.quote.createdBy === user.id ? "OWN_QUOTE" : "NOT_PENDING" };
  }
  revalidate(parsed.data);
  return { ok: true };
}

/** An operator rejects the version of a quote they saw waiting for approval: it is revoked, so no link of it ever works. */
export async function rejectQuoteAction(quoteId: string, version: number): Promise<QuoteAdminResult> {
  const parsed = quoteIdSchema.safeParse(quoteId);
  if (!parsed.success) return { ok: false, error: "NOT_FOUND" };
  const user = await staffOnly(["operator"]);
  if (!user) return { ok: false, error: "FORBIDDEN" };

  const db = await getDb();
  const found = await getQuoteWithVersions(db, { quoteId: parsed.data });
  if (!found) return { ok: false, error: "NOT_FOUND" };
  if (found.quote.status !== "pending_approval" || found.quote.currentVersion !== version) return { ok: false, error: "NOT_PENDING" };
  // An approval racing this reject makes the quote sent; revoking it still honours the rejection.
  if (!(await revokeQuote(db, { quoteId: parsed.data, now: await requestNow() }))) return { ok: false, error: "NOT_PENDING" };
  revalidate(parsed.data);
  return { ok: true };
}
