import { and, asc, desc, eq, inArray, isNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "../client";
import {
  educationVerifications,
  orderConsents,
  orderEvents,
  orderLines,
  orders,
  payments,
  type OrderLineRow,
  type OrderRow,
  type OrderStatus,
} from "../schema";

type NewOrderRow = typeof orders.$inferInsert;
type NewOrderLine = typeof orderLines.$inferInsert;
type NewOrderConsent = typeof orderConsents.$inferInsert;

/** Stores an order unless the user already has one under its idempotency key; undefined then. */
export async function insertOrderOnce(tx: Db, values: NewOrderRow): Promise<OrderRow | undefined> {
  const [inserted] = await tx
    .insert(orders)
    .values(values)
    .onConflictDoNothing({ target: [orders.userId, orders.idempotencyKey] })
    .returning();
  return inserted;
}

/** Stores an order's lines. */
export async function insertOrderLines(tx: Db, rows: NewOrderLine[]): Promise<void> {
  if (rows.length) await tx.insert(orderLines).values(rows);
}

/** Stores the agreements accepted with an order. */
export async function insertOrderConsents(tx: Db, rows: NewOrderConsent[]): Promise<void> {
  if (rows.length) await tx.insert(orderConsents).values(rows);
}

/** Records an order status event (the first one, "checkout", has no from-status). */
export async function insertOrderEvent(
  tx: Db,
  params: { orderId: string; from: OrderStatus | null; to: OrderStatus; cause: string; now: Date },
): Promise<void> {
  await tx
    .insert(orderEvents)
    .values({ orderId: params.orderId, at: params.now, fromStatus: params.from, toStatus: params.to, cause: params.cause });
}

/** The order a user placed under an idempotency key, if any. */
export async function findOrderByIdempotencyKey(db: Db, params: { userId: string; idempotencyKey: string }): Promise<OrderRow | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, params.userId), eq(orders.idempotencyKey, params.idempotencyKey)));
  return order;
}

/** An order with its lines, consents and history, or undefined; only its owner may read it. */
export async function getOrderForUser(db: Db, params: { orderId: string; userId: string }) {
  const order = await getOwnOrder(db, params);
  if (!order) return undefined;
  const [lines, consents, events] = await Promise.all([
    listOrderLines(db, { orderId: order.id }),
    db.select().from(orderConsents).where(eq(orderConsents.orderId, order.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.at)),
  ]);
  return { order, lines, consents, events };
}

/** How many orders a user has (tests and the console). */
export async function countOrders(db: Db, params: { userId: string }): Promise<number> {
  return (await db.select({ id: orders.id }).from(orders).where(eq(orders.userId, params.userId))).length;
}

/** A user's orders, newest first. */
export async function listOrdersForUser(db: Db, params: { userId: string }): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.userId, params.userId)).orderBy(desc(orders.createdAt));
}

/**
 * A user's orders, newest first, each with what its badge needs: the latest payment attempt's
 * status and the verification's status and decision time (education orders).
 */
export async function listOrderSummariesForUser(db: Db, params: { userId: string }) {
  const rows = await listOrdersForUser(db, params);
  const ids = rows.map((o) => o.id);
  if (ids.length === 0) return [];
  const [attempts, checks] = await Promise.all([
    db
      .select({ orderId: payments.orderId, status: payments.status })
      .from(payments)
      .where(inArray(payments.orderId, ids))
      .orderBy(asc(payments.createdAt)),
    db
      .select({
        orderId: educationVerifications.orderId,
        status: educationVerifications.status,
        decidedAt: educationVerifications.decidedAt,
      })
      .from(educationVerifications)
      .where(inArray(educationVerifications.orderId, ids)),
  ]);
  // Ascending, so the last one written per order is its latest attempt.
  const lastPayment = new Map(attempts.map((p) => [p.orderId, { status: p.status }]));
  const verification = new Map(checks.map((v) => [v.orderId, { status: v.status, decidedAt: v.decidedAt }]));
  return rows.map((order) => ({ order, lastPayment: lastPayment.get(order.id) ?? null, verification: verification.get(order.id) ?? null }));
}

/** One order by id, or undefined. */
export async function getOrder(db: Db, params: { orderId: string }): Promise<OrderRow | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.id, params.orderId));
  return order;
}

/** One order by id if `userId` placed it, or undefined. */
export async function getOwnOrder(db: Db, params: { orderId: string; userId: string }): Promise<OrderRow | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, params.orderId), eq(orders.userId, params.userId)));
  return order;
}

/** Locks the order row (SELECT … FOR UPDATE): concurrent writers of the same order take turns until commit. Call inside a transaction. */
export async function lockOrder(tx: Db, params: { orderId: string }): Promise<OrderRow | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, params.orderId)).for("update");
  return order;
}

/** Writes an order's status and records the event in the same statement batch; the caller has locked the row and judged the change. */
export async function recordOrderStatus(
  tx: Db,
  params: { orderId: string; from: OrderStatus | null; to: OrderStatus; cause: string; now: Date },
): Promise<OrderRow> {
  const { orderId, from, to, cause, now } = params;
  const [order] = await tx.update(orders).set({ status: to, updatedAt: now }).where(eq(orders.id, orderId)).returning();
  await insertOrderEvent(tx, { orderId, from, to, cause, now });
  return order!;
}

/** Ids of orders in `status` created at or before `createdBefore`. */
export async function listOrderIdsByStatus(db: Db, params: { status: OrderStatus; createdBefore: Date }): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, params.status), lte(orders.createdAt, params.createdBefore)));
  return rows.map((r) => r.id);
}

/**
 * Ids of orders awaiting payment whose payment window opened at or before `windowOpenedBefore`:
 * placed then (no verification), or verified/rejected then. One still under review is never listed
 * (lib/orders/window.ts is the same rule, pure).
 */
export async function listStaleOrderIds(db: Db, params: { windowOpenedBefore: Date; userId?: string }): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .leftJoin(educationVerifications, eq(educationVerifications.orderId, orders.id))
    .where(
      and(
        eq(orders.status, "pending_payment"),
        params.userId === undefined ? undefined : eq(orders.userId, params.userId),
        or(
          and(isNull(educationVerifications.id), lte(orders.createdAt, params.windowOpenedBefore)),
          and(ne(educationVerifications.status, "pending"), lte(educationVerifications.decidedAt, params.windowOpenedBefore)),
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/** An order's lines (priced lines, then adjustments), by position. */
export async function listOrderLines(db: Db, params: { orderId: string }): Promise<OrderLineRow[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, params.orderId)).orderBy(asc(orderLines.position));
}
