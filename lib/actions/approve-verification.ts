"use server";

import { auditSubjects } from "@/lib/audit";
import { approveVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";
import { decide } from "./decide-verification";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator approves an education verification: from then on its order can be paid. Decides once. */
export const approveVerification: FormAction<DecideVerificationResult> = toFormAction(
  "role",
  ["verificationId"],
  publicAction("approve-verification", approveVerificationSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.verification))
    .action(async ({ parsedInput, ctx }) => decide(ctx, parsedInput.verificationId, { status: "approved" })),
);
