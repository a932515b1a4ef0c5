import { randomUUID } from "node:crypto";
import { catalog, findAddon } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { listOrderLines } from "@/lib/db/queries/orders";
import { ensureOrganisation, setOrganisationPlan } from "@/lib/db/queries/organisations";
import { appendPhoneCredit, insertServiceItems, type NewPhoneCreditEntry, type NewServiceItem } from "@/lib/db/queries/services";
import { getVerificationForOrder } from "@/lib/db/queries/verifications";
import type { OrderLineRow, OrderRow, OrderStatus } from "@/lib/db/schema";
import { addMonthsUtc } from "@/lib/lifecycle/calendar";
import { isChangeKind, provisionChange } from "@/lib/lifecycle/fulfil";
import { isAmount, isZero, sameAmount } from "@/lib/money";
import { isMembershipOrder } from "@/lib/membership/cart";
import { provisionMembership } from "@/lib/membership/fulfil";
import { allocatePaid } from "./paid";
import { canPay, needsVerification } from "./payability";
import { LATE_PAYMENT, lockOrder, transitionOrder } from "./state";

export { addMonthsUtc };

export type FulfilResult =
  | { ok: true; alreadyDone: boolean; status: OrderStatus }
  | { ok: false; error: "NOT_FOUND" | "AMOUNT_MISMATCH" | "NOT_PAYABLE" | "NO_ORGANISATION" };

/** Statuses in which the order's payment has already been applied: a replay changes nothing. */
const DONE: readonly OrderStatus[] = ["fulfilled", "refunded", "partially_refunded"];

export interface MarkPaidParams {
  orderId: string;
  paymentRef: string;
  /** What the provider says was paid, e.g. "52488.00"; must equal the order total. */
  amount: string;
  now: Date;
  /** Why the order is paid ("payment_notification", "status_query"); an expired order records "late_payment". */
  cause: string;
  /** Tests only: runs after the order is marked paid and before fulfilment, to simulate a crash. */
  faultAfterPaid?: () => void;
}

/**
 * Applies a payment that really arrived: in ONE transaction, marks the order paid and provisions
 * its services, then marks it fulfilled. Idempotent: the order row is locked first, so a replayed
 * or concurrent call finds it fulfilled and changes nothing; a crash mid-way rolls everything back
 * and the next retry (notification or reconcile) fulfils exactly once.
 */
export async function markPaidAndFulfil(db: Db, params: MarkPaidParams): Promise<FulfilResult> {
  return db.transaction((tx) => markPaidAndFulfilIn(tx, params));
}

/**
 * markPaidAndFulfil inside the caller's transaction, so a payment's notification claim and status
 * commit with the order's payment and fulfilment, or none of them do (lib/payments/apply.ts).
 */
export async function markPaidAndFulfilIn(tx: Db, params: MarkPaidParams): Promise<FulfilResult> {
  const { orderId, amount, now } = params;
  const order = await lockOrder(tx, orderId);
  if (!order) return { ok: false, error: "NOT_FOUND" };
  if (DONE.includes(order.status)) return { ok: true, alreadyDone: true, status: order.status };
  // A provider amount that is not even an amount is a mismatch, not a crash.
  if (!isAmount(amount) || !sameAmount(amount, order.total)) return { ok: false, error: "AMOUNT_MISMATCH" };
  const organisationId = order.organisationId;
  // A personal membership's order has no organisation: fulfilment applies it to the person (lib/membership).
  if (!organisationId && !isMembershipOrder(order)) return { ok: false, error: "NO_ORGANISATION" };

  if (order.status !== "paid") {
    if (order.status !== "pending_payment" && order.status !== "expired") return { ok: false, error: "NOT_PAYABLE" };
    // Education orders are payable only once verified (the UI offers no payment before). canPay
    // is asked as if pending, so a late payment on an expired verified order still counts.
    if (needsVerification(order.edition)) {
      const verification = await getVerificationForOrder(tx, { orderId });
      if (!canPay({ status: "pending_payment", edition: order.edition }, verification)) return { ok: false, error: "NOT_PAYABLE" };
    }
    // Money that arrives after the window is still the buyer's money: an expired order is paid late.
    const cause = order.status === "expired" ? LATE_PAYMENT : params.cause;
    const paid = await transitionOrder(tx, { orderId, to: "paid", cause, now });
    if (!paid.ok) return { ok: false, error: "NOT_PAYABLE" };
    params.faultAfterPaid?.();
  }
  // A "paid" order found here (paid by another path, not fulfilled) is fulfilled now, once.
  await provisionOrder(tx, order, now);
  const fulfilled = await transitionOrder(tx, { orderId, to: "fulfilled", cause: "fulfilled", now });
  if (!fulfilled.ok) throw new Error(`order ${orderId}: cannot fulfil from ${fulfilled.error}`);
  return { ok: true, alreadyDone: false, status: "fulfilled" };
}

/**
 * Fulfils an order left `paid` without its services (the reconciliation worker's repair): provisions
 * and marks it fulfilled in one transaction, under the order's lock; false when it is not `paid`.
 */
export async function fulfilPaidOrder(db: Db, params: { orderId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, params.orderId);
    if (!order || order.status !== "paid" || (!order.organisationId && !isMembershipOrder(order))) return false;
    await provisionOrder(tx, order, params.now);
    const fulfilled = await transitionOrder(tx, { orderId: order.id, to: "fulfilled", cause: "fulfilled", now: params.now });
    if (!fulfilled.ok) throw new Error(`order ${order.id}: cannot fulfil from ${fulfilled.error}`);
    return true;
  });
}

/** The cause recorded when an order with nothing to pay (a voucher covering it all) is fulfilled without the provider. */
export const ZERO_TOTAL = "zero_total";

/**
 * Fulfils a zero-total order at once, inside the caller's transaction (the one that places it, or
 * the one approving its verification): paid with cause `zero_total` and provisioned, no payment
 * row and no provider. Does nothing (false) for an order with something to pay or not awaiting payment.
 */
export async function fulfilZeroTotal(tx: Db, params: { orderId: string; now: Date }): Promise<boolean> {
  const { orderId, now } = params;
  const order = await lockOrder(tx, orderId);
  if (!order || order.status !== "pending_payment" || !isZero(order.total) || (!order.organisationId && !isMembershipOrder(order)))
    return false;
  if (needsVerification(order.edition)) {
    const verification = await getVerificationForOrder(tx, { orderId });
    if (!canPay({ status: "pending_payment", edition: order.edition }, verification)) return false;
  }
  const paid = await transitionOrder(tx, { orderId, to: "paid", cause: ZERO_TOTAL, now });
  if (!paid.ok) return false;
  await provisionOrder(tx, order, now);
  const fulfilled = await transitionOrder(tx, { orderId, to: "fulfilled", cause: "fulfilled", now });
  if (!fulfilled.ok) throw new Error(`order ${orderId}: cannot fulfil from ${fulfilled.error}`);
  return true;
}

/** Provisions a paid order: a personal membership's to the person, any other to its organisation. */
async function provisionOrder(tx: Db, order: OrderRow, now: Date): Promise<void> {
  if (isMembershipOrder(order)) {
    await provisionMembership(tx, order, now);
    return;
  }
  if (!order.organisationId) throw new Error(`order ${order.id}: no organisation to provision`);
  await provision(tx, { ...order, organisationId: order.organisationId }, now);
}

/**
 * Turns each order line into what the organisation holds: a service item per recurring line,
 * a ledger top-up per phone pack, and the edition and seats from the seats line. A new
 * organisation becomes real here, with the name the order recorded: an order nobody paid
 * leaves no organisation behind.
 *
 * Each provisioned line records what was actually paid for it: the order total (after the quote
 * discount and any voucher) allocated over the lines by their amounts, so the shares add up to
 * the total to the fen, and the effective discount factor share ÷ line amount. A phone pack
 * still tops up its face value; its share is recorded on the ledger entry.
 *
 * Buying a sku the organisation already holds adds a NEW item with its own start and expiry
 * rather than extending the existing one: aligning mid-term top-ups to the existing expiry
 * (PRODUCT.md §6.1) and renewals (§6.2) are priced differently and come with their own flows.
 */
async function provision(tx: Db, order: OrderRow & { organisationId: string }, now: Date): Promise<void> {
  // A change to what an organisation holds (add, raise, renew, scheduled renewal) applies its charged quote (lib/lifecycle).
  if (isChangeKind(order.kind)) return provisionChange(tx, order, now);
  const { organisationName } = order.organisation as { organisationName: string };
  await ensureOrganisation(tx, { id: order.organisationId, name: organisationName, ownerUserId: order.userId, createdAt: now });
  // Adjustment lines (quote discount, voucher) lower what was paid; there is nothing to provision for them.
  const lines = (await listOrderLines(tx, { orderId: order.id })).filter(
    (l): l is OrderLineRow & { kind: "seats" | "addon" } => l.kind !== "adjustment",
  );
  const paid = allocatePaid(order.total, lines);
  const items: NewServiceItem[] = [];
  const credits: NewPhoneCreditEntry[] = [];
  for (const [i, line] of lines.entries()) {
    const { paidAmount, discount } = paid[i]!;
    const addon = line.kind === "addon" ? findAddon(catalog, line.sku) : undefined;
    if (addon?.family === "phone-pack") {
      credits.push({
        id: randomUUID(),
        organisationId: order.organisationId,
        kind: "topup",
        amount: line.amount,
        paidAmount,
        sourceOrderId: order.id,
        note: `${line.quantity} × ${line.sku}`,
        createdAt: now,
      });
      continue;
    }
    const expiresAt = expiryOf(line, now);
    if (!expiresAt) throw new Error(`order ${order.id}: line ${line.position} (${line.sku}) has no term`);
    items.push({
      id: randomUUID(),
      organisationId: order.organisationId,
      sku: line.sku,
      kind: line.kind,
      capacity: addon?.capacity ?? null,
      quantity: line.quantity,
      startsAt: now,
      expiresAt,
      unitPrice: line.unitPrice,
      paidAmount,
      discount,
      sourceOrderId: order.id,
      createdAt: now,
    });
    if (line.kind === "seats")
      await setOrganisationPlan(tx, { organisationId: order.organisationId, edition: order.edition, seats: line.quantity });
  }
  await insertServiceItems(tx, items);
  await appendPhoneCredit(tx, credits);
}

/** A line's expiry: `now` plus its term in calendar months (a year is 12), or null for a one-off line. */
export function expiryOf(line: Pick<OrderLineRow, "termUnit" | "termCount">, now: Date): Date | null {
  if (!line.termUnit || !line.termCount) return null;
  return addMonthsUtc(now, line.termUnit === "year" ? line.termCount * 12 : line.termCount);
}
