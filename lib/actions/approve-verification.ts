"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { decideVerification } from "@/lib/db/queries/verifications";
import { approveVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";

/** An operator approves an education verification: from then on its order can be paid. Decides once. */
export async function approveVerification(
  _previous: DecideVerificationResult | null,
  formData: FormData,
): Promise<DecideVerificationResult> {
  const parsed = approveVerificationSchema.safeParse({ verificationId: formData.get("verificationId") });
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getCurrentUser();
  if (user?.role !== "operator") return { ok: false, error: "FORBIDDEN" };

  const result = await decideVerification(await getDb(), {
    id: parsed.data.verificationId,
    decision: { status: "approved" },
    operatorId: user.id,
    now: new Date(),
  });
  if (!result.ok)
    return result.error === "NOT_FOUND"
      ? { ok: false, error: "NOT_FOUND" }
      : { ok: false, error: "ALREADY_DECIDED", status: result.verification.status };
  revalidatePath("/operator/verifications");
  revalidatePath(`/orders/${result.verification.orderId}`);
  return { ok: true, status: "approved" };
}
