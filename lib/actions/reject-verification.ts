"use server";

import { revalidatePath } from "next/cache";
import { decideVerification } from "@/lib/db/queries/verifications";
import { rejectVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";
import { hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator rejects an education verification with a reason (5–500 characters) the buyer reads on the order. Decides once. */
export const rejectVerification: FormAction<DecideVerificationResult> = toFormAction(
  "role",
  ["verificationId", "reason"],
  publicAction("reject-verification", rejectVerificationSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .action(async ({ parsedInput: { verificationId, reason }, ctx }): Promise<DecideVerificationResult> => {
      const result = await decideVerification(ctx.db, {
        id: verificationId,
        decision: { status: "rejected", reason },
        operatorId: ctx.user.id,
        now: ctx.now,
      });
      if (!result.ok)
        return result.error === "NOT_FOUND"
          ? { ok: false, error: "NOT_FOUND" }
          : { ok: false, error: "ALREADY_DECIDED", status: result.verification.status };
      revalidatePath("/operator/verifications");
      revalidatePath(`/orders/${result.verification.orderId}`);
      return { ok: true, status: "rejected" };
    }),
);
