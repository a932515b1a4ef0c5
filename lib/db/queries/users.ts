import { and, asc, eq, inArray } from "drizzle-orm";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "../client";
import { account, user, type UserRow } from "../schema";

/** The account with this email (stored lower-case by better-auth), or undefined. */
export async function findUserByEmail(db: Db, params: { email: string }): Promise<UserRow | undefined> {
  const rows = await db.select().from(user).where(eq(user.email, params.email.trim().toLowerCase())).limit(1);
  return rows[0];
}

/** The account with this id, or undefined. */
export async function findUserById(db: Db, params: { id: string }): Promise<UserRow | undefined> {
  const rows = await db.select().from(user).where(eq(user.id, params.id)).limit(1);
  return rows[0];
}

/** Gives an account a role (roles are never set through sign-up); returns the updated row, or undefined if no such account. */
export async function setUserRole(db: Db, params: { id: string; role: Role }): Promise<UserRow | undefined> {
  const rows = await db.update(user).set({ role: params.role }).where(eq(user.id, params.id)).returning();
  return rows[0];
}

/** The password hash of an account's email + password sign-in, or undefined when it has none. */
export async function findPasswordHash(db: Db, params: { userId: string }): Promise<string | undefined> {
  const rows = await db
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, params.userId), eq(account.providerId, "credential")))
    .limit(1);
  return rows[0]?.password ?? undefined;
}

/** The columns of an account the staff page shows. */
export type StaffRow = Pick<UserRow, "id" | "name" | "email" | "role" | "discountLimitPercent" | "createdAt">;

/** Every sales and operator account: operators first, then by name. */
export async function listStaff(db: Db): Promise<StaffRow[]> {
  return db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      discountLimitPercent: user.discountLimitPercent,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(inArray(user.role, ["sales", "operator"]))
    .orderBy(asc(user.role), asc(user.name), asc(user.email));
}

/** Sets a sales account's discount limit; undefined when `id` is not a sales account. */
export async function setDiscountLimit(db: Db, params: { id: string; percent: number }): Promise<UserRow | undefined> {
  const rows = await db
    .update(user)
    .set({ discountLimitPercent: params.percent })
    .where(and(eq(user.id, params.id), eq(user.role, "sales")))
    .returning();
  return rows[0];
}
