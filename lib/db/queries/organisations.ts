import { and, asc, eq, max, notExists, sql } from "drizzle-orm";
import type { Db } from "../client";
import { orders, organisations, serviceItems, type OrganisationRow } from "../schema";

/** An organisation with what tells it apart from the buyer's others: edition, seats and when its services run out. */
export type OwnedOrganisation = OrganisationRow & {
  /** When its seats expire; on the free edition (no seats), when its last add-on does; null when it holds none. */
  expiresAt: Date | null;
};

/**
 * The organisations a user owns, oldest first. Organisations exist only once an order for them
 * was paid (fulfilment creates them), so every one listed is real. `idempotencyKey` leaves out
 * the one created by the order under that key: a retried submit of a first order must not find
 * the organisation its own first attempt created and ask how to upgrade it.
 */
export async function listOwnedOrganisations(db: Db, params: { userId: string; idempotencyKey?: string }): Promise<OwnedOrganisation[]> {
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
  const seatsExpiry = max(sql`case when ${serviceItems.kind} = 'seats' then ${serviceItems.expiresAt} end`);
  const rows = await db
    .select({
      organisation: organisations,
      expiresAt: sql`coalesce(${seatsExpiry}, ${max(serviceItems.expiresAt)})`.mapWith(serviceItems.expiresAt),
    })
    .from(organisations)
    .leftJoin(serviceItems, eq(serviceItems.organisationId, organisations.id))
    .where(and(eq(organisations.ownerUserId, params.userId), notExists(createdByThisOrder)))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
  return rows.map((r) => ({ ...r.organisation, expiresAt: r.expiresAt ?? null }));
}

/** The user's organisations still on the free edition (candidates for an in-place upgrade). */
export async function listFreeOrganisations(db: Db, params: { userId: string; idempotencyKey?: string }): Promise<OwnedOrganisation[]> {
  return (await listOwnedOrganisations(db, params)).filter((o) => o.edition === "free");
}

/** Every organisation a user owns, oldest first. */
export async function listOrganisations(db: Db, params: { userId: string }): Promise<OrganisationRow[]> {
  return db.select().from(organisations).where(eq(organisations.ownerUserId, params.userId)).orderBy(asc(organisations.createdAt));
}

/** Sets the edition and seats an organisation holds (fulfilment of a seats line). */
export async function setOrganisationPlan(db: Db, params: { organisationId: string; edition: string; seats: number }): Promise<void> {
  await db.update(organisations).set({ edition: params.edition, seats: params.seats }).where(eq(organisations.id, params.organisationId));
}

/**
 * Makes the organisation of a paid order real (fulfilment): stores it on the free edition if it
 * does not exist yet, and leaves an existing one (an in-place upgrade, a replay) untouched.
 */
export async function ensureOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<void> {
  await db.insert(organisations).values(values).onConflictDoNothing({ target: organisations.id });
}
