import "server-only";
import { revalidatePath } from "next/cache";
import type { Db } from "@/lib/db/client";
import { decideVerification } from "@/lib/db/queries/verifications";
import { fulfilZeroTotal } from "@/lib/orders/fulfil";
import type { DecideVerificationResult } from "@/lib/validations/verification";

type Decision = { status: "approved" } | { status: "rejected"; reason: string };

/** An operator's decision on an education verification, answered as the approve and reject actions do; decides once. */
export async function decide(
  ctx: { db: Db; now: Date; user: { id: string } },
  verificationId: string,
  decision: Decision,
): Promise<DecideVerificationResult> {
  const result = await decideVerification(ctx.db, { id: verificationId, decision, operatorId: ctx.user.id, now: ctx.now });
  if (!result.ok)
    return result.error === "NOT_FOUND"
      ? { ok: false, error: "NOT_FOUND" }
      : { ok: false, error: "ALREADY_DECIDED", status: result.verification.status };
  const orderId = result.verification.orderId;
  // An approval opens the payment window (decidedAt); an order with nothing to pay is fulfilled at once.
  if (decision.status === "approved") await ctx.db.transaction((tx) => fulfilZeroTotal(tx, { orderId, now: ctx.now }));
  revalidatePath("/operator/verifications");
  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/console/orders");
  return { ok: true, status: decision.status };
}
