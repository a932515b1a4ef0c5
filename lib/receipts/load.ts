import type { Locale } from "@/lib/catalog/ids";
import type { Db } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import { findRefundOfOrder } from "@/lib/db/queries/refunds";
import type { OrderStatus } from "@/lib/db/schema";
import { receiptOf, type Receipt } from "./receipt";

export type ReceiptLookup =
  { found: true; receipt: Receipt } | { found: false; reason: "not-found" } | { found: false; reason: "not-paid"; status: OrderStatus };

/** The receipt of one of the user's orders: only its owner finds the order, and only a paid order has one. */
export async function loadReceipt(db: Db, params: { orderId: string; userId: string; locale: Locale }): Promise<ReceiptLookup> {
  const found = await getOrderForUser(db, { orderId: params.orderId, userId: params.userId });
  if (!found) return { found: false, reason: "not-found" };
  const payments = await listPaymentsForOrder(db, { orderId: found.order.id });
  const refund = await findRefundOfOrder(db, { orderId: found.order.id });
  const done =
    refund?.status === "succeeded" && refund.completedAt ? { amount: refund.amount, completedAt: refund.completedAt } : undefined;
  const receipt = receiptOf({ ...found, payments, refund: done }, params.locale);
  if (!receipt) return { found: false, reason: "not-paid", status: found.order.status };
  return { found: true, receipt };
}
