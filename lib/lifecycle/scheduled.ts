// Scheduled renewals (PRODUCT.md §6.2): paid now, in effect when the seats end. The services.apply-scheduled job
// applies the due ones; the buyer can cancel one (refunded through the provider) before it takes effect.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  cancelScheduledRenewalRow,
  claimScheduledRenewal,
  getScheduledRenewal,
  listDueScheduledRenewals,
} from "@/lib/db/queries/lifecycle";
import { getOrder, getOwnOrder } from "@/lib/db/queries/orders";
import { setOrganisationPlan } from "@/lib/db/queries/organisations";
import { listPaymentsForOrder, recordRefund } from "@/lib/db/queries/payments";
import { insertServiceItems, type NewServiceItem } from "@/lib/db/queries/services";
import { Decimal, toAmount } from "@/lib/money/decimal";
import { lockOrder, transitionOrder } from "@/lib/orders/state";
import type { PaymentProvider } from "@/lib/payments/types";
import type { StoredChange } from "./place";

/**
 * Applies every scheduled renewal due at `now` (limited to one user's or organisation's by `only`): the claim
 * pending → applied and the new items commit together, so each renewal takes effect exactly once however many
 * passes and servers run. Returns how many took effect.
 */
export async function applyDueScheduledRenewals(
  db: Db,
  p: { now: Date; only?: { userId?: string; organisationId?: string } },
): Promise<number> {
  const due = await listDueScheduledRenewals(db, { now: p.now, userId: p.only?.userId, organisationId: p.only?.organisationId });
  let applied = 0;
  for (const renewal of due) {
    const done = await db.transaction(async (tx) => {
      if (!(await claimScheduledRenewal(tx, { orderId: renewal.orderId, now: p.now }))) return false;
      const order = await getOrder(tx, { orderId: renewal.orderId });
      if (!order) throw new Error(`scheduled renewal ${renewal.orderId} has no order`);
      const { quote } = order.cart as StoredChange;
      const items: NewServiceItem[] = [];
      let seats = 0;
      for (const line of quote.lines) {
        const e = line.effect;
        if (e.type !== "schedule") continue;
        items.push({
          id: randomUUID(),
          organisationId: renewal.organisationId,
          sku: e.sku,
          kind: e.kind,
          capacity: e.capacity,
          quantity: e.quantity,
          startsAt: new Date(e.startsAt),
          expiresAt: new Date(e.expiresAt),
          unitPrice: e.unitPrice,
          paidAmount: line.amount,
          discount: "1",
          sourceOrderId: order.id,
          createdAt: p.now,
        });
        if (e.kind === "seats") seats += e.quantity;
      }
      await insertServiceItems(tx, items);
      if (seats) await setOrganisationPlan(tx, { organisationId: renewal.organisationId, edition: order.edition, seats });
      return true;
    });
    if (done) applied++;
  }
  return applied;
}

/** What cancelling refunds: the lines still to take effect (phone credit bought with it was available at once and stays). */
export function scheduledRefundAmount(stored: StoredChange): string {
  return toAmount(stored.quote.lines.filter((l) => l.effect.type === "schedule").reduce((s, l) => s.plus(l.amount), new Decimal(0)));
}

export type CancelScheduledResult =
  { ok: true; refunded: string } | { ok: false; error: "NOT_FOUND" | "NOT_PENDING" | "NO_PAYMENT" | "PROVIDER_FAILED" };

/**
 * The buyer cancels their scheduled renewal before it takes effect: the provider refunds what is still to take
 * effect (one key per order, so a retry refunds once), then the renewal is cancelled, the refund recorded and the
 * order marked refunded (partially, when phone credit came with it) in one transaction.
 */
export async function cancelScheduledRenewal(
  db: Db,
  provider: PaymentProvider,
  p: { orderId: string; userId: string; now: Date },
): Promise<CancelScheduledResult> {
  const order = await getOwnOrder(db, { orderId: p.orderId, userId: p.userId });
  const renewal = order && (await getScheduledRenewal(db, { orderId: order.id }));
  if (!order || !renewal || order.kind !== "scheduled_renewal") return { ok: false, error: "NOT_FOUND" };
  if (renewal.status !== "pending" || renewal.effectiveAt <= p.now) return { ok: false, error: "NOT_PENDING" };
  const payment = (await listPaymentsForOrder(db, { orderId: order.id, provider: provider.id })).find((x) => x.status === "succeeded");
  if (!payment) return { ok: false, error: "NO_PAYMENT" };
  const amount = scheduledRefundAmount(order.cart as StoredChange);
  const idempotencyKey = `cancel-scheduled:${order.id}`;
  let refundRef: string;
  try {
    ({ refundRef } = await provider.refund({ paymentRef: payment.paymentRef, amount, idempotencyKey }));
  } catch (error) {
    console.error(`[lifecycle] refund of scheduled renewal ${order.id} failed`, error);
    return { ok: false, error: "PROVIDER_FAILED" };
  }
  return db.transaction(async (tx): Promise<CancelScheduledResult> => {
    await lockOrder(tx, order.id);
    if (!(await cancelScheduledRenewalRow(tx, { orderId: order.id, now: p.now, refundRef }))) return { ok: false, error: "NOT_PENDING" };
    await recordRefund(tx, {
      refundRef,
      provider: provider.id,
      paymentRef: payment.paymentRef,
      orderId: order.id,
      amount,
      idempotencyKey,
      reason: "scheduled_renewal_cancelled",
      refundedBy: p.userId,
      createdAt: p.now,
    });
    const full = new Decimal(amount).eq(order.total);
    await transitionOrder(tx, {
      orderId: order.id,
      to: full ? "refunded" : "partially_refunded",
      cause: "scheduled_renewal_cancelled",
      now: p.now,
    });
    return { ok: true, refunded: amount };
  });
}
