import type { Db } from "@/lib/db/client";
import { findUserByEmail } from "@/lib/db/queries/users";
import type { Auth } from "./auth";

export type CreateSalesAccountOutcome =
  { ok: true; id: string; name: string; email: string } | { ok: false; error: "ALREADY_STAFF" | "EMAIL_REGISTERED" };

/**
 * Makes `email` a new sales account with the given discount limit, signing in with `password`.
 * An email that already has an account is refused, buyer accounts included: anyone can sign up
 * with any address unverified, so promoting one could hand staff rights to whoever squatted a
 * future colleague's email. Goes through
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
  if (existing) return { ok: false, error: existing.role === "buyer" ? "EMAIL_REGISTERED" : "ALREADY_STAFF" };

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
  return { ok: true, id: created.id, name: created.name, email: created.email };
}
