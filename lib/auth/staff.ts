import type { Db } from "@/lib/db/client";
import { findUserByEmail, promoteBuyerToSales } from "@/lib/db/queries/users";
import type { Auth } from "./auth";

export type CreateSalesAccountOutcome =
  /** `created` is false when an existing buyer was promoted: its name and password are kept. */
  | { ok: true; id: string; name: string; email: string; created: boolean }
  | { ok: false; error: "ALREADY_STAFF" };

/**
 * Makes `email` a sales account with the given discount limit: a new account signing in with
 * `password`, or an existing buyer promoted (its own password unchanged). Goes through
 * better-auth's password hashing and internal adapter rather than `auth.api.signUpEmail`, which
 * would start a session for the new account and, inside a server action, hand its cookie to the
 * operator's browser.
 */
export async function createSalesAccount(
  auth: Auth,
  db: Db,
  params: { name: string; email: string; password: string; discountLimitPercent: number },
): Promise<CreateSalesAccountOutcome> {
  const email = params.email.trim().toLowerCase();
  const existing = await findUserByEmail(db, { email });
  if (existing) {
    if (existing.role !== "buyer") return { ok: false, error: "ALREADY_STAFF" };
    const promoted = await promoteBuyerToSales(db, { id: existing.id, percent: params.discountLimitPercent });
    // Null only if someone else changed the role in between: it is staff now either way.
    if (!promoted) return { ok: false, error: "ALREADY_STAFF" };
    return { ok: true, id: promoted.id, name: promoted.name, email: promoted.email, created: false };
  }

  const context = await auth.$context;
  // Hashed before the user exists, as sign-up does: a hashing failure leaves nothing behind.
  const hash = await context.password.hash(params.password);
  const created = await context.internalAdapter.createUser(
    { name: params.name, email, emailVerified: false, role: "sales", discountLimitPercent: params.discountLimitPercent },
    { method: "admin" },
  );
  try {
    await context.internalAdapter.linkAccount({ userId: created.id, providerId: "credential", accountId: created.id, password: hash });
  } catch (error) {
    // The drizzle adapter runs without transactions: undo the user, or it could never sign in.
    await context.internalAdapter.deleteUser(created.id);
    throw error;
  }
  return { ok: true, id: created.id, name: created.name, email: created.email, created: true };
}
