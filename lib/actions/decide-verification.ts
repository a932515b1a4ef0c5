import "server-only";
import { revalidatePath } from "next/cache";
import type { Db } from "@/lib/db/client";
import { decideVerification } from "@/lib/db/queries/verifications";
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
  revalidatePath("/operator/verifications");
  revalidatePath(`/orders/${result.verification.orderId}`);
  return { ok: true, status: decision.status };
}
