"use server";

import { revalidatePath } from "next/cache";
import { adjustPhoneCredit, phoneAccessSubject } from "@/lib/phone/operator";
import { adjustmentSchema } from "@/lib/validations/phone";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

export type AdjustResult =
  | { ok: true; balance: string }
  | { ok: false; error: "INVALID"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "NOT_FOUND" | "BELOW_FLOOR" | "UNAUTHENTICATED" | "FORBIDDEN" };

/** An operator adds an adjustment with a reason to an organisation's phone-credit ledger. */
export const adjustPhoneCreditAction: FormAction<AdjustResult> = toFormAction(
  "role",
  ["organisationId", "amount", "reason"],
  publicAction("adjust-phone-credit", adjustmentSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(phoneAccessSubject))
    .action(async ({ parsedInput: p, ctx }): Promise<AdjustResult> => {
      const result = await adjustPhoneCredit(ctx.db, { ...p, actorId: ctx.user.id, now: ctx.now });
      if (result.ok) revalidatePath("/operator/phone");
      return result;
    }),
);
