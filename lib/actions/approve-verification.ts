"use server";

import { revalidatePath } from "next/cache";
import { decideVerification } from "@/lib/db/queries/verifications";
import { fulfilZeroTotal } from "@/lib/orders/fulfil";
import { approveVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";
import { hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator approves an education verification: from then on its order can be paid. Decides once. */
export const approveVerification: FormAction<DecideVerificationResult> = toFormAction(
  "role",
  ["verificationId"],
  publicAction("approve-verification", approveVerificationSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .action(async ({ parsedInput, ctx }): Promise<DecideVerificationResult> => {
      const result = await decideVerification(ctx.db, {
        id: parsedInput.verificationId,
        decision: { status: "approved" },
        operatorId: ctx.user.id,
        now: ctx.now,
      });
      if (!result.ok)
        return result.error === "NOT_FOUND"
          ? { ok: false, error: "NOT_FOUND" }
          : { ok: false, error: "ALREADY_DECIDED", status: result.verification.status };
      // The payment window opens now (decidedAt); an order with nothing to pay is fulfilled at once.
      const orderId = result.verification.orderId;
      await ctx.db.transaction((tx) => fulfilZeroTotal(tx, { orderId, now: ctx.now }));
      revalidatePath("/operator/verifications");
      revalidatePath(`/orders/${orderId}`);
      revalidatePath("/console/orders");
      return { ok: true, status: "approved" };
    }),
);
