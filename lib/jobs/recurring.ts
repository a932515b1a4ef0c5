import type { Db } from "@/lib/db/client";
import { applyDueScheduledRenewals } from "@/lib/lifecycle/scheduled";
import { renewMemberships } from "@/lib/membership/renew";
import { expireStaleOrders } from "@/lib/orders/state";
import { reconcilePendingPayments } from "@/lib/payments/reconcile";
import { sweepAutoRecharge } from "@/lib/phone/auto-recharge";
import type { PaymentProvider } from "@/lib/payments/types";
import type { Every, JobQueue } from "./types";

/**
 * When a pass runs and what it may touch: `now` is the time it judges by; `only` limits it to one user's (or one
 * organisation's) records, so an e2e test that moves the clock a year on acts on its own data, never on other
 * tests' (every job honours it; the scheduled runs leave it out).
 */
export interface RecurringRun {
  now: Date;
  only?: { userId?: string; organisationId?: string };
}

/** What a recurring job's run gets: the app's services. */
export interface RecurringDeps {
  db: Db;
  provider: PaymentProvider;
}

interface RecurringJob {
  name: string;
  every: Every;
  /** One pass of the job at `now` (pure of the clock, so a test can run it at a moved time). */
  run(deps: RecurringDeps, at: RecurringRun): Promise<unknown>;
}

/** Every recurring job of the app, by key: later work (renewals, auto-recharge, reminders) adds its own here. */
export const RECURRING = {
  /** Expires orders unpaid past their payment window (PRODUCT.md §4). */
  expireStaleOrders: {
    name: "orders.expire-stale",
    every: { everySeconds: 60 },
    run: async ({ db }, { now, only }) => ({ expired: await expireStaleOrders(db, { now, userId: only?.userId }) }),
  },
  /** Asks the provider about payments the app has not heard the end of, and applies what it learns. */
  reconcilePayments: {
    name: "payments.reconcile",
    every: { everySeconds: 60 },
    // Reconciling is safe at any time and for anyone (it only asks the provider what happened), so `only` is moot.
    run: async ({ db, provider }, { now }) => ({ applied: await reconcilePendingPayments(db, provider, { now }) }),
  },
  /** Puts paid scheduled renewals into effect once the seats they follow have ended (PRODUCT.md §6.2, lib/lifecycle). */
  applyScheduledRenewals: {
    name: "services.apply-scheduled",
    every: { everySeconds: 60 },
    run: async ({ db }, { now, only }) => ({ applied: await applyDueScheduledRenewals(db, { now, only }) }),
  },
  /** Phone-credit auto-recharge (issue 15): organisations below their threshold, charged once per crossing on their agreement. */
  phoneAutoRecharge: {
    name: "phone.auto-recharge",
    every: { everySeconds: 300 },
    run: async ({ db, provider }, { now, only }) => sweepAutoRecharge(db, provider, { now, only }),
  },
  /** Charges each auto-renewing personal membership's next month on its agreement, before expiry, once per period (issue 14). */
  renewMemberships: {
    name: "membership.renew",
    every: { everySeconds: 300 },
    run: async ({ db, provider }, { now, only }) => renewMemberships(db, provider, { now, only }),
  },
} satisfies Record<string, RecurringJob>;

export type RecurringJobKey = keyof typeof RECURRING;

/** The recurring job named `name` (its queue name, e.g. "orders.expire-stale"), if there is one. */
export function recurringJobNamed(name: string): RecurringJob | undefined {
  return Object.values(RECURRING).find((job: RecurringJob) => job.name === name);
}

/** Registers the recurring jobs on `queue` (start it afterwards); each run judges time by the real clock at its start. */
export async function scheduleRecurringJobs(queue: JobQueue, deps: RecurringDeps): Promise<void> {
  for (const job of Object.values(RECURRING) as RecurringJob[]) {
    await queue.schedule(job.name, job.every, () => job.run(deps, { now: new Date() }));
  }
}
