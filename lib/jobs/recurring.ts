import type { Db } from "@/lib/db/client";
import { expireStaleOrders } from "@/lib/orders/state";
import { reconcilePendingPayments } from "@/lib/payments/reconcile";
import type { PaymentProvider } from "@/lib/payments/types";
import type { JobQueue } from "./types";

/** Every recurring job of the app, by name: later work (renewals, auto-recharge, reminders) adds its own here. */
export const RECURRING = {
  /** Expires orders unpaid past their payment window (PRODUCT.md §4). */
  expireStaleOrders: { name: "orders.expire-stale", every: { everySeconds: 60 } },
  /** Asks the provider about payments the app has not heard the end of, and applies what it learns. */
  reconcilePayments: { name: "payments.reconcile", every: { everySeconds: 60 } },
} as const;

/** Registers the recurring jobs on `queue` (start it afterwards); each handler judges time at its own run. */
export async function scheduleRecurringJobs(queue: JobQueue, deps: { db: Db; provider: PaymentProvider }): Promise<void> {
  const { db, provider } = deps;
  await queue.schedule(RECURRING.expireStaleOrders.name, RECURRING.expireStaleOrders.every, async () => ({
    expired: await expireStaleOrders(db, { now: new Date() }),
  }));
  await queue.schedule(RECURRING.reconcilePayments.name, RECURRING.reconcilePayments.every, async () => ({
    applied: await reconcilePendingPayments(db, provider, { now: new Date() }),
  }));
}
