import { and, asc, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  orders,
  organisations,
  scheduledRenewals,
  serviceItemChanges,
  serviceItems,
  type OrderKind,
  type OrderRow,
  type ScheduledRenewalRow,
  type ServiceItemChangeRow,
  type ServiceItemRow,
} from "../schema";

/** The order kinds that change what an organisation holds (PRODUCT.md §6). */
export const CHANGE_KINDS = ["add", "raise", "renew", "scheduled_renewal"] as const satisfies readonly OrderKind[];

/** Locks an organisation's service items for the rest of the transaction, so two changes apply one after the other. */
export async function lockServiceItems(tx: Db, params: { organisationId: string }): Promise<ServiceItemRow[]> {
  return tx
    .select()
    .from(serviceItems)
    .where(eq(serviceItems.organisationId, params.organisationId))
    .orderBy(asc(serviceItems.expiresAt), asc(serviceItems.sku))
    .for("update");
}

/** Moves a held item's expiry (a renewal) and adds what was paid for it. */
export async function extendServiceItem(tx: Db, params: { id: string; expiresAt: Date; paid: string }): Promise<void> {
  await tx
    .update(serviceItems)
    .set({ expiresAt: params.expiresAt, paidAmount: sql`${serviceItems.paidAmount} + ${params.paid}::numeric` })
    .where(eq(serviceItems.id, params.id));
}

/** Raises a held item's spec in place (it keeps its expiry) and adds what was paid for the raise. */
export async function raiseServiceItem(
  tx: Db,
  params: { id: string; sku: string; capacity: number | null; unitPrice: string; paid: string },
): Promise<void> {
  await tx
    .update(serviceItems)
    .set({
      sku: params.sku,
      capacity: params.capacity,
      unitPrice: params.unitPrice,
      paidAmount: sql`${serviceItems.paidAmount} + ${params.paid}::numeric`,
    })
    .where(eq(serviceItems.id, params.id));
}

export async function insertServiceItemChanges(tx: Db, rows: (typeof serviceItemChanges.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(serviceItemChanges).values(rows);
}

/** What change orders did to items in place, newest first (the services page and refunds read it). */
export async function listServiceItemChanges(db: Db, params: { organisationId: string }): Promise<ServiceItemChangeRow[]> {
  return db
    .select({ change: serviceItemChanges })
    .from(serviceItemChanges)
    .innerJoin(serviceItems, eq(serviceItems.id, serviceItemChanges.serviceItemId))
    .where(eq(serviceItems.organisationId, params.organisationId))
    .orderBy(desc(serviceItemChanges.createdAt))
    .then((rows) => rows.map((r) => r.change));
}

export async function insertScheduledRenewal(tx: Db, row: typeof scheduledRenewals.$inferInsert): Promise<void> {
  await tx.insert(scheduledRenewals).values(row).onConflictDoNothing({ target: scheduledRenewals.orderId });
}

/** The organisation's scheduled renewal not yet in effect, with its order. */
export async function findPendingScheduledRenewal(
  db: Db,
  params: { organisationId: string },
): Promise<{ renewal: ScheduledRenewalRow; order: OrderRow } | undefined> {
  const [row] = await db
    .select({ renewal: scheduledRenewals, order: orders })
    .from(scheduledRenewals)
    .innerJoin(orders, eq(orders.id, scheduledRenewals.orderId))
    .where(and(eq(scheduledRenewals.organisationId, params.organisationId), eq(scheduledRenewals.status, "pending")))
    .orderBy(asc(scheduledRenewals.effectiveAt))
    .limit(1);
  return row;
}

/** Pending scheduled renewals due at `now`, limited to one user's or organisation's when asked. */
export async function listDueScheduledRenewals(
  db: Db,
  params: { now: Date; userId?: string; organisationId?: string },
): Promise<ScheduledRenewalRow[]> {
  const conditions = [eq(scheduledRenewals.status, "pending"), lte(scheduledRenewals.effectiveAt, params.now)];
  if (params.organisationId) conditions.push(eq(scheduledRenewals.organisationId, params.organisationId));
  if (params.userId) conditions.push(eq(organisations.ownerUserId, params.userId));
  return db
    .select({ renewal: scheduledRenewals })
    .from(scheduledRenewals)
    .innerJoin(organisations, eq(organisations.id, scheduledRenewals.organisationId))
    .where(and(...conditions))
    .orderBy(asc(scheduledRenewals.effectiveAt))
    .then((rows) => rows.map((r) => r.renewal));
}

/** The claim: pending → applied, once. False when another pass (or a cancel) got there first. */
export async function claimScheduledRenewal(tx: Db, params: { orderId: string; now: Date }): Promise<boolean> {
  const claimed = await tx
    .update(scheduledRenewals)
    .set({ status: "applied", appliedAt: params.now })
    .where(and(eq(scheduledRenewals.orderId, params.orderId), eq(scheduledRenewals.status, "pending")))
    .returning({ orderId: scheduledRenewals.orderId });
  return claimed.length === 1;
}

/** pending → cancelled, once, before it takes effect. False when it is no longer pending or already due. */
export async function cancelScheduledRenewalRow(tx: Db, params: { orderId: string; now: Date; refundRef: string }): Promise<boolean> {
  const cancelled = await tx
    .update(scheduledRenewals)
    .set({ status: "cancelled", cancelledAt: params.now, refundRef: params.refundRef })
    .where(
      and(
        eq(scheduledRenewals.orderId, params.orderId),
        eq(scheduledRenewals.status, "pending"),
        gt(scheduledRenewals.effectiveAt, params.now),
      ),
    )
    .returning({ orderId: scheduledRenewals.orderId });
  return cancelled.length === 1;
}

export async function getScheduledRenewal(db: Db, params: { orderId: string }): Promise<ScheduledRenewalRow | undefined> {
  const [row] = await db.select().from(scheduledRenewals).where(eq(scheduledRenewals.orderId, params.orderId));
  return row;
}

/** The organisation's change orders still awaiting payment, newest first. */
export async function listUnpaidChangeOrders(db: Db, params: { organisationId: string }): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(eq(orders.organisationId, params.organisationId), eq(orders.status, "pending_payment"), inArray(orders.kind, [...CHANGE_KINDS])),
    )
    .orderBy(desc(orders.createdAt));
}
