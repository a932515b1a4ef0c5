import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { appendLedger, getPhoneAccount, ledgerBalanceFen, listGrants, lockPhoneAccount, phoneFacts } from "@/lib/db/queries/phone";
import { fenToAmount, parseFen } from "@/lib/money";
import { fitsFloor } from "./access";

/**
 * An operator's adjustment with a reason: a ledger line of its own (who, when, why). One that
 * takes credit off is judged under the account lock like a call charge: never past the floor.
 */
export async function adjustPhoneCredit(
  db: Db,
  p: { organisationId: string; amount: string; reason: string; actorId: string; now: Date },
): Promise<{ ok: true; balance: string } | { ok: false; error: "BELOW_FLOOR" | "NOT_FOUND" }> {
  return db.transaction(async (tx) => {
    if (!(await phoneFacts(tx, { organisationId: p.organisationId }))) return { ok: false, error: "NOT_FOUND" } as const;
    const account = await lockPhoneAccount(tx, { organisationId: p.organisationId });
    const balance = await ledgerBalanceFen(tx, { organisationId: p.organisationId });
    const fen = parseFen(p.amount);
    if (fen < 0 && !fitsFloor(balance, parseFen(account.overdraft), -fen)) return { ok: false, error: "BELOW_FLOOR" } as const;
    await appendLedger(tx, [
      {
        id: randomUUID(),
        organisationId: p.organisationId,
        kind: "adjustment",
        amount: fenToAmount(fen),
        note: p.reason,
        actorId: p.actorId,
        createdAt: p.now,
      },
    ]);
    return { ok: true, balance: fenToAmount(balance + fen) } as const;
  });
}

/** What the audit log records of an organisation's phone access before and after an operator's change. */
export const phoneAccessSubject = {
  subject: (input: { organisationId: string }) => input.organisationId,
  load: async (db: Db, organisationId: string) => {
    const account = await getPhoneAccount(db, { organisationId });
    return {
      grants: (await listGrants(db, { organisationId })).map((g) => g.grant),
      overdraft: account?.overdraft ?? "0.00",
      balance: fenToAmount(await ledgerBalanceFen(db, { organisationId })),
    };
  },
};
