"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { decideVerification } from "@/lib/db/queries/verifications";
import { rejectVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";

/** An operator rejects an education verification with a reason (5–500 characters) the buyer reads on the order. Decides once. */
export async function rejectVerification(
  _previous: DecideVerificationResult | null,
  formData: FormData,
): Promise<DecideVerificationResult> {
  const parsed = rejectVerificationSchema.safeParse({
    verificationId: formData.get("verificationId"),
    reason: formData.get("reason") ?? undefined,
  });
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getCurrentUser();
  if (user?.role !== "operator") return { ok: false, error: "FORBIDDEN" };

  const { verificationId, reason } = parsed.data;
  const result = await decideVerification(await getDb(), {
    id: verificationId,
    decision: { status: "rejected", reason },
    operatorId: user.id,
    now: new Date(),
  });
  if (!result.ok)
    return result.error === "NOT_FOUND"
      ? { ok: false, error: "NOT_FOUND" }
      : { ok: false, error: "ALREADY_DECIDED", status: result.verification.status };
  revalidatePath("/operator/verifications");
  revalidatePath(`/orders/${result.verification.orderId}`);
  return { ok: true, status: "rejected" };
}
