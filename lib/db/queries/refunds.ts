import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  orderEvents,
  orderRefunds,
  orders,
  phoneCreditLedger,
  serviceItems,
  type NewOrderRefund,
  type OrderRefundRow,
  type OrderRefundStatus,
  type OrderRow,
  type PhoneCreditEntryRow,
  type ServiceItemRow,
} from "../schema";

/** Claims an order's one refund; false when it already has one (a concurrent or earlier confirm). */
export async function insertOrderRefund(tx: Db, row: NewOrderRefund): Promise<boolean> {
  const inserted = await tx
    .insert(orderRefunds)
    .values(row)
    .onConflictDoNothing({ target: orderRefunds.orderId })
    .returning({ id: orderRefunds.id });
  return inserted.length > 0;
}

/** The refund of one order, if it has one. */
export async function findRefundOfOrder(db: Db, params: { orderId: string }): Promise<OrderRefundRow | undefined> {
  const [row] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, params.orderId));
  return row;
}

/** The refunds asked with one order (its own first, then its change orders'). */
export async function listRefundsOfRoot(db: Db, params: { rootOrderId: string }): Promise<OrderRefundRow[]> {
  return db
    .select()
    .from(orderRefunds)
    .where(eq(orderRefunds.rootOrderId, params.rootOrderId))
    .orderBy(sql`${orderRefunds.orderId} <> ${params.rootOrderId}`, asc(orderRefunds.createdAt));
}

/** The open refund (requested or processing) of a payment; with `lock`, locked until the transaction ends. */
export async function findOpenRefundOfPayment(
  tx: Db,
  params: { provider: string; paymentRef: string; lock?: boolean },
): Promise<OrderRefundRow | undefined> {
  const query = tx
    .select()
    .from(orderRefunds)
    .where(
      and(
        eq(orderRefunds.provider, params.provider),
        eq(orderRefunds.paymentRef, params.paymentRef),
        inArray(orderRefunds.status, ["requested", "processing"]),
      ),
    );
  const [row] = params.lock ? await query.for("update") : await query;
  return row;
}

/** Moves a refund on from one of `from`; false when it was not in one of them (another path moved it first). */
export async function setRefundStatus(
  db: Db,
  params: { id: string; from: OrderRefundStatus[]; to: OrderRefundStatus; refundRef?: string; now: Date },
): Promise<boolean> {
  const updated = await db
    .update(orderRefunds)
    .set({
      status: params.to,
      updatedAt: params.now,
      ...(params.refundRef ? { refundRef: params.refundRef } : {}),
      ...(params.to === "succeeded" || params.to === "failed" ? { completedAt: params.now } : {}),
    })
    .where(and(eq(orderRefunds.id, params.id), inArray(orderRefunds.status, params.from)))
    .returning({ id: orderRefunds.id });
  return updated.length > 0;
}

/** Refunds of one provider not yet completed (the reconciliation pass finishes them), oldest first. */
export async function listOpenRefunds(db: Db, params: { provider: string; limit?: number }): Promise<OrderRefundRow[]> {
  return db
    .select()
    .from(orderRefunds)
    .where(and(eq(orderRefunds.provider, params.provider), inArray(orderRefunds.status, ["requested", "processing"])))
    .orderBy(asc(orderRefunds.updatedAt))
    .limit(params.limit ?? 200);
}

/** Every refund with its order's number, newest first (the operator's list). */
export async function listRefundsWithOrders(db: Db, params: { limit?: number } = {}) {
  return db
    .select({ refund: orderRefunds, orderNumber: orders.number, edition: orders.edition })
    .from(orderRefunds)
    .innerJoin(orders, eq(orders.id, orderRefunds.orderId))
    .orderBy(desc(orderRefunds.createdAt))
    .limit(params.limit ?? 200);
}

/** Change orders of `parentOrderId` (orders.parent_order_id), oldest first. */
export async function listChangeOrders(db: Db, params: { parentOrderId: string }): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.parentOrderId, params.parentOrderId)).orderBy(asc(orders.createdAt));
}

/** What an order provisioned: its service items and its phone-credit top-ups. */
export async function listProvisionedOf(
  db: Db,
  params: { orderId: string },
): Promise<{ items: ServiceItemRow[]; credits: PhoneCreditEntryRow[] }> {
  const [items, credits] = await Promise.all([
    db.select().from(serviceItems).where(eq(serviceItems.sourceOrderId, params.orderId)).orderBy(asc(serviceItems.createdAt)),
    db
      .select()
      .from(phoneCreditLedger)
      .where(and(eq(phoneCreditLedger.sourceOrderId, params.orderId), eq(phoneCreditLedger.kind, "topup")))
      .orderBy(asc(phoneCreditLedger.createdAt)),
  ]);
  return { items, credits };
}

/** When the order was paid (its first `paid` event), or undefined. */
export async function paidAtOf(db: Db, params: { orderId: string }): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: orderEvents.at })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, params.orderId), eq(orderEvents.toStatus, "paid")))
    .orderBy(asc(orderEvents.at))
    .limit(1);
  return row?.at;
}

/**
 * Ends an order's service items at `stopAt` (a refund): an item running past it now expires then; one
 * not started by then (a renewal) ends as it starts. Service continues until the stop.
 */
export async function endServiceItemsOfOrder(tx: Db, params: { orderId: string; stopAt: Date }): Promise<number> {
  const updated = await tx
    .update(serviceItems)
    .set({ expiresAt: sql`greatest(${serviceItems.startsAt}, ${params.stopAt.toISOString()}::timestamptz)` })
    .where(and(eq(serviceItems.sourceOrderId, params.orderId), gt(serviceItems.expiresAt, params.stopAt)))
    .returning({ id: serviceItems.id });
  return updated.length;
}

/** An order by its human-facing number (an operator types it). */
export async function findOrderByNumber(db: Db, params: { number: string }): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.number, params.number));
  return row;
}
