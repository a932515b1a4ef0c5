import { and, asc, eq, notExists } from "drizzle-orm";
import type { Db } from "../client";
import { orders, organisations, type OrganisationRow } from "../schema";

/**
 * The organisations a user owns that are still on the free edition (candidates for an in-place
 * upgrade), leaving out one created by the order under `idempotencyKey`: a retried submit of a
 * first order must not find the organisation its own first attempt created. One statement, so
 * the organisation and its order are seen together or not at all.
 */
export async function listFreeOrganisations(db: Db, params: { userId: string; idempotencyKey?: string }): Promise<OrganisationRow[]> {
  const createdByThisOrder = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.organisationId, organisations.id),
        eq(orders.idempotencyKey, params.idempotencyKey ?? ""),
        eq(orders.upgradeMethod, "new"),
      ),
    );
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.ownerUserId, params.userId), eq(organisations.edition, "free"), notExists(createdByThisOrder)))
    .orderBy(asc(organisations.createdAt));
}

/** Every organisation a user owns, oldest first. */
export async function listOrganisations(db: Db, params: { userId: string }): Promise<OrganisationRow[]> {
  return db.select().from(organisations).where(eq(organisations.ownerUserId, params.userId)).orderBy(asc(organisations.createdAt));
}

/** Sets the edition and seats an organisation holds (fulfilment of a seats line). */
export async function setOrganisationPlan(db: Db, params: { organisationId: string; edition: string; seats: number }): Promise<void> {
  await db.update(organisations).set({ edition: params.edition, seats: params.seats }).where(eq(organisations.id, params.organisationId));
}

/** Stores an organisation (created with its first order, on the free edition). */
export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<void> {
  await db.insert(organisations).values(values);
}
