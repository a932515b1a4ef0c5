import { z } from "zod";

// Error messages are message keys under "Verification.errors", translated where they are shown.
const error = (key: string) => ({ error: `Verification.errors.${key}` });

export const REJECT_REASON_MIN = 5;
export const REJECT_REASON_MAX = 500;

/** An operator approving a verification. */
export const approveVerificationSchema = z.object({
  verificationId: z.uuid(error("notFound")),
});

/** An operator rejecting a verification: the reason is shown to the buyer. */
export const rejectVerificationSchema = approveVerificationSchema.extend({
  reason: z.string(error("reason")).trim().min(REJECT_REASON_MIN, error("reason")).max(REJECT_REASON_MAX, error("reason")),
});

/** What the approve and reject actions answer; only bugs throw. */
export type DecideVerificationResult =
  | { ok: true; status: "approved" | "rejected" }
  | { ok: false; error: "INVALID"; fieldErrors: { verificationId?: string[]; reason?: string[] } }
  | { ok: false; error: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" }
  | { ok: false; error: "ALREADY_DECIDED"; status: "pending" | "approved" | "rejected" };
