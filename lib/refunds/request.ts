// A buyer's refund (PRODUCT.md §6.3) and an operator's goodwill refund, on the database: the case is
// read from what the orders provisioned, judged by the pure rule (./rule), claimed once per order in
// one transaction, then sent through the provider (lib/payments/refund.ts, the one refund path).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getOrder, listOrderLines } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import {
  findRefundOfOrder,
  insertOrderRefund,
  listChangeOrders,
  listProvisionedOf,
  listRefundsOfRoot,
  paidAtOf,
} from "@/lib/db/queries/refunds";
import type { NewOrderRefund, OrderRefundRow, OrderRow } from "@/lib/db/schema";
import { compareAmounts, fenToAmount, isAmount, parseFen } from "@/lib/money";
import { lockOrder } from "@/lib/orders/state";
import { finishOrderRefund, sendOrderRefund } from "@/lib/payments/refund";
import type { PaymentProvider } from "@/lib/payments/types";
import type { CartInput } from "@/lib/pricing/types";
import type { RefundReason } from "./reasons";
import { refundPreview, type IneligibleReason, type RefundOrderInput, type RefundPreview } from "./rule";

export { REFUND_REASONS, type RefundReason } from "./reasons";

const VOUCHER_PREFIX = "voucher:";

/**
 * Whether an order renews by itself. No order of the store auto-renews yet (continuous renewals come
 * with payment agreements); an order whose cart says `autoRenew: true` is treated as one.
 */
export function orderAutoRenews(order: Pick<OrderRow, "cart">): boolean {
  return (order.cart as { autoRenew?: unknown }).autoRenew === true;
}

/** One order as the rule sees it: what it provisioned (service items, phone packs) and what was paid for each. */
export async function refundInputOf(db: Db, order: OrderRow): Promise<RefundOrderInput> {
  const [{ items, credits }, lines, paidAt, refund] = await Promise.all([
    listProvisionedOf(db, { orderId: order.id }),
    listOrderLines(db, { orderId: order.id }),
    paidAtOf(db, { orderId: order.id }),
    findRefundOfOrder(db, { orderId: order.id }),
  ]);
  const voucherFen = lines
    .filter((l) => l.kind === "adjustment" && l.sku.startsWith(VOUCHER_PREFIX))
    .reduce((s, l) => s + Math.abs(parseFen(l.amount)), 0);
  const term = (order.cart as Partial<CartInput>).term;
  const purchasedAt = paidAt ?? order.createdAt;
  return {
    id: order.id,
    number: order.number,
    kind: order.kind,
    edition: order.edition,
    active: order.status === "fulfilled",
    refunded: refund !== undefined || order.status === "refunded" || order.status === "partially_refunded",
    isChange: order.parentOrderId !== null,
    autoRenews: orderAutoRenews(order),
    purchasedAt,
    termMonths: term ? (term.unit === "year" ? term.count * 12 : term.count) : null,
    voucher: fenToAmount(voucherFen),
    lines: [
      ...items.map((i) => ({
        id: i.id,
        sku: i.sku,
        kind: "service" as const,
        quantity: i.quantity,
        paid: i.paidAmount,
        startsAt: i.startsAt,
        expiresAt: i.expiresAt,
      })),
      ...credits.map((c) => ({
        id: c.id,
        sku: c.note?.split(" × ")[1] ?? "phone-pack",
        kind: "phone_pack" as const,
        quantity: Number(c.note?.split(" × ")[0] ?? 1) || 1,
        paid: c.paidAmount ?? "0.00",
        startsAt: c.createdAt,
        expiresAt: null,
      })),
    ],
  };
}

export interface RefundCase {
  order: OrderRow;
  input: RefundOrderInput;
  changes: RefundOrderInput[];
  /** The order's refunds already asked (its own first, then its change orders'). */
  refunds: OrderRefundRow[];
}

/** An order's refund case, for its buyer (`userId`) or any order (undefined: an operator). */
export async function loadRefundCase(db: Db, p: { orderId: string; userId?: string }): Promise<RefundCase | undefined> {
  const order = await getOrder(db, { orderId: p.orderId });
  if (!order || (p.userId !== undefined && order.userId !== p.userId)) return undefined;
  const changeOrders = await listChangeOrders(db, { parentOrderId: order.id });
  return {
    order,
    input: await refundInputOf(db, order),
    changes: await Promise.all(changeOrders.map((c) => refundInputOf(db, c))),
    refunds: await listRefundsOfRoot(db, { rootOrderId: order.id }),
  };
}

export type RequestRefundResult =
  | { ok: true; refund: string; sent: number; failed: number }
  | { ok: false; error: "NOT_FOUND" | "ALREADY_REQUESTED" }
  | { ok: false; error: "NOT_ELIGIBLE"; reasons: IneligibleReason[] };

/** Each order of the preview with its succeeded payment (the one the money goes back to). */
async function paymentRefs(db: Db, preview: RefundPreview): Promise<Map<string, { provider: string; paymentRef: string }>> {
  const refs = new Map<string, { provider: string; paymentRef: string }>();
  for (const o of preview.orders) {
    const paid = (await listPaymentsForOrder(db, { orderId: o.orderId })).filter((x) => x.status === "succeeded").at(-1);
    if (paid) refs.set(o.orderId, { provider: paid.provider, paymentRef: paid.paymentRef });
  }
  return refs;
}

/**
 * The buyer confirms the refund of their order at `now`: in ONE transaction, under the orders' locks,
 * the case is judged again and one refund row is claimed per order (the order asked for and each change
 * order refunded with it) — of concurrent confirms exactly one claims it. An order with nothing to
 * give back completes at once; the others are then sent to the provider, whose notification completes them.
 */
export async function requestRefund(
  db: Db,
  provider: PaymentProvider,
  p: { orderId: string; userId: string; reason: RefundReason; note: string; now: Date },
): Promise<RequestRefundResult> {
  const claimed = await db.transaction(async (tx): Promise<RequestRefundResult | OrderRefundRow[]> => {
    const locked = await lockOrder(tx, p.orderId);
    if (!locked || locked.userId !== p.userId) return { ok: false, error: "NOT_FOUND" };
    for (const c of await listChangeOrders(tx, { parentOrderId: locked.id })) await lockOrder(tx, c.id);
    const found = await loadRefundCase(tx, { orderId: p.orderId, userId: p.userId });
    if (!found) return { ok: false, error: "NOT_FOUND" };
    if (found.refunds.some((r) => r.orderId === p.orderId)) return { ok: false, error: "ALREADY_REQUESTED" };
    const judged = refundPreview(found.input, found.changes, p.now);
    if (!judged.ok) return { ok: false, error: "NOT_ELIGIBLE", reasons: judged.reasons };
    const { preview } = judged;
    const refs = await paymentRefs(tx, preview);
    const rows: OrderRefundRow[] = [];
    for (const o of preview.orders) {
      const ref = refs.get(o.orderId);
      if (parseFen(o.refund) > 0 && !ref) throw new Error(`order ${o.orderId} has money to refund and no succeeded payment`);
      const row: NewOrderRefund = {
        id: randomUUID(),
        orderId: o.orderId,
        rootOrderId: p.orderId,
        kind: "self_serve",
        status: "requested",
        provider: ref?.provider ?? null,
        paymentRef: ref?.paymentRef ?? null,
        amount: o.refund,
        paid: o.paid,
        voucherKept: o.voucher,
        stopAt: preview.stopAt,
        outcome: o.outcome,
        reason: p.reason,
        note: p.note || null,
        requestedBy: p.userId,
        breakdown: o.lines,
        createdAt: p.now,
        updatedAt: p.now,
      };
      if (!(await insertOrderRefund(tx, row))) {
        if (o.orderId === p.orderId) return { ok: false, error: "ALREADY_REQUESTED" };
        continue;
      }
      const stored = { ...row, refundRef: null, completedAt: null } as OrderRefundRow;
      // Nothing to give back (a line nobody paid for): the order's side completes now, without the provider.
      if (parseFen(o.refund) === 0) await finishOrderRefund(tx, { refund: stored, now: p.now, cause: "refund_nothing_to_return" });
      else rows.push(stored);
    }
    return rows;
  });
  if (!Array.isArray(claimed)) return claimed;
  let sent = 0;
  let failed = 0;
  for (const refund of claimed) {
    const result = await sendOrderRefund(db, provider, { refund, now: p.now });
    if (result.ok) sent += 1;
    else failed += 1;
  }
  const total = claimed.reduce((s, r) => s + parseFen(r.amount), 0);
  return { ok: true, refund: fenToAmount(total), sent, failed };
}

export type GoodwillResult =
  { ok: true; refund: string } | { ok: false; error: "NOT_FOUND" | "ALREADY_REFUNDED" | "NOT_PAID" | "OVER_PAID" | "PROVIDER_FAILED" };

/**
 * An operator refunds an order by hand (goodwill, e.g. one the rule does not allow), with a recorded
 * reason and an amount of at most what its payment took. Services are left as they are; the order
 * becomes refunded (all of it back) or partially_refunded once the provider confirms.
 */
export async function goodwillRefund(
  db: Db,
  provider: PaymentProvider,
  p: { orderId: string; amount: string; reason: string; operatorId: string; now: Date },
): Promise<GoodwillResult> {
  if (!isAmount(p.amount) || parseFen(p.amount) <= 0) return { ok: false, error: "OVER_PAID" };
  const claimed = await db.transaction(async (tx): Promise<GoodwillResult | OrderRefundRow> => {
    const order = await lockOrder(tx, p.orderId);
    if (!order) return { ok: false, error: "NOT_FOUND" };
    if (await findRefundOfOrder(tx, { orderId: order.id })) return { ok: false, error: "ALREADY_REFUNDED" };
    if (order.status !== "fulfilled") return { ok: false, error: "NOT_PAID" };
    const payment = (await listPaymentsForOrder(tx, { orderId: order.id })).filter((x) => x.status === "succeeded").at(-1);
    if (!payment) return { ok: false, error: "NOT_PAID" };
    const paid = payment.receivedAmount ?? payment.amount;
    if (compareAmounts(fenToAmount(parseFen(p.amount)), paid) > 0) return { ok: false, error: "OVER_PAID" };
    const amount = fenToAmount(parseFen(p.amount));
    const row: NewOrderRefund = {
      id: randomUUID(),
      orderId: order.id,
      rootOrderId: order.id,
      kind: "goodwill",
      status: "requested",
      provider: payment.provider,
      paymentRef: payment.paymentRef,
      amount,
      paid,
      voucherKept: "0.00",
      stopAt: null,
      outcome: amount === paid ? "refunded" : "partially_refunded",
      reason: p.reason,
      note: null,
      requestedBy: p.operatorId,
      breakdown: [],
      createdAt: p.now,
      updatedAt: p.now,
    };
    if (!(await insertOrderRefund(tx, row))) return { ok: false, error: "ALREADY_REFUNDED" };
    return { ...row, refundRef: null, completedAt: null } as OrderRefundRow;
  });
  if ("ok" in claimed) return claimed;
  const sent = await sendOrderRefund(db, provider, { refund: claimed, now: p.now });
  // A provider that did not answer: the claim stays requested and the reconciliation pass sends it again.
  return sent.ok ? { ok: true, refund: claimed.amount } : { ok: false, error: "PROVIDER_FAILED" };
}
