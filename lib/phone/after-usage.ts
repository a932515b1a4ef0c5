import type { Db } from "@/lib/db/client";
import { getPaymentProvider } from "@/lib/payments/registry";
import { runAutoRecharge } from "./auto-recharge";

/**
 * After a batch lowered the balance: auto-recharge at once if it is on and the balance is now
 * below its threshold (the sweep catches anything this misses, e.g. a crash here). A provider
 * that cannot be reached leaves it to the sweep; the batch's answer does not wait on it failing.
 */
export async function afterUsage(db: Db, params: { organisationId: string; before: number; after: number; now: Date }): Promise<void> {
  if (params.after >= params.before) return;
  try {
    await runAutoRecharge(db, getPaymentProvider(), { organisationId: params.organisationId, now: params.now });
  } catch (error) {
    console.error(`[phone] auto-recharge of ${params.organisationId} after usage failed; the sweep retries`, error);
  }
}
