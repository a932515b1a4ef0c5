"use server";

import { auditSubjects } from "@/lib/audit";
import { rejectVerificationSchema, type DecideVerificationResult } from "@/lib/validations/verification";
import { decide } from "./decide-verification";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator rejects an education verification with a reason (5–500 characters) the buyer reads on the order. Decides once. */
export const rejectVerification: FormAction<DecideVerificationResult> = toFormAction(
  "role",
  ["verificationId", "reason"],
  publicAction("reject-verification", rejectVerificationSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.verification))
    .action(async ({ parsedInput: { verificationId, reason }, ctx }) => decide(ctx, verificationId, { status: "rejected", reason })),
);
