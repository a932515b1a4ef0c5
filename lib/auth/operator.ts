import { findUserByEmail, setUserRole } from "@/lib/db/queries/users";
import type { Db } from "@/lib/db/client";
import type { Auth } from "./auth";

export interface EnsureOperatorResult {
  id: string;
  email: string;
  /** True when the account was created; false when an existing account was promoted (its password unchanged). */
  created: boolean;
}

/**
 * Makes `email` an operator: signs the account up through better-auth (so the password is hashed
 * the way sign-in expects) when it does not exist, then sets its role.
 */
export async function ensureOperator(
  auth: Auth,
  db: Db,
  params: { email: string; password: string; name: string },
): Promise<EnsureOperatorResult> {
  let existing = await findUserByEmail(db, { email: params.email });
  const created = !existing;
  if (!existing) {
    await auth.api.signUpEmail({ body: { email: params.email, password: params.password, name: params.name } });
    existing = await findUserByEmail(db, { email: params.email });
    if (!existing) throw new Error(`Account ${params.email} was not found right after sign-up`);
  }
  await setUserRole(db, { id: existing.id, role: "operator" });
  return { id: existing.id, email: existing.email, created };
}
