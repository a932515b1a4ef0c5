import type { Db } from "@/lib/db/client";
import { findPasswordHash, findUserByEmail, setUserRole } from "@/lib/db/queries/users";
import type { Auth } from "./auth";
import { ensureOperator } from "./operator";

export type BootstrapOutcome = "created" | "promoted" | "unchanged" | "refused";

/**
 * Makes sure each email is an operator account, as the server starts (QUORUM_BOOTSTRAP_OPERATORS).
 * A missing account is created with `password`. An existing one is promoted only when it already
 * signs in with that password: sign-up does not verify email addresses, so someone who registered
 * a listed address first must not become an operator by it ("refused", with a warning).
 */
export async function bootstrapOperators(
  auth: Auth,
  db: Db,
  params: { emails: readonly string[]; password: string; log?: Pick<Console, "log" | "warn"> },
): Promise<Record<string, BootstrapOutcome>> {
  const log = params.log ?? console;
  const outcomes: Record<string, BootstrapOutcome> = {};
  for (const email of params.emails) {
    const existing = await findUserByEmail(db, { email });
    if (existing?.role === "operator") {
      outcomes[email] = "unchanged";
    } else if (!existing) {
      await ensureOperator(auth, db, { email, password: params.password, name: "Operator" });
      outcomes[email] = "created";
      log.log(`[auth] Created operator ${email} (QUORUM_BOOTSTRAP_OPERATORS).`);
    } else {
      const hash = await findPasswordHash(db, { userId: existing.id });
      const context = await auth.$context;
      if (hash && (await context.password.verify({ hash, password: params.password }))) {
        await setUserRole(db, { id: existing.id, role: "operator" });
        outcomes[email] = "promoted";
        log.log(`[auth] Promoted ${email} to operator (QUORUM_BOOTSTRAP_OPERATORS).`);
      } else {
        outcomes[email] = "refused";
        log.warn(`[auth] Not promoting ${email}: the account exists with another password. Use \`npm run create-operator\` to promote it.`);
      }
    }
  }
  return outcomes;
}
