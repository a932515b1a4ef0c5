import type { Db } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { getPaymentProvider } from "@/lib/payments/registry";
import { reconcilePayment } from "@/lib/payments/reconcile";
import { expireIfStale } from "./state";

/**
 * An order as its owner should see it now: an unpaid order past its window expires, and one
 * whose payment notification never came is completed by asking the provider.
 */
export async function followOrder(db: Db, params: { orderId: string; userId: string; now: Date }) {
  const found = await getOrderForUser(db, params);
  if (!found) return undefined;
  if (found.order.status === "pending_payment" || found.order.status === "expired") {
    await reconcilePayment(db, getPaymentProvider(), { orderId: params.orderId, now: params.now });
    await expireIfStale(db, { orderId: params.orderId, now: params.now });
    return getOrderForUser(db, params);
  }
  return found;
}
