"use server";

import { revalidatePath } from "next/cache";
import { ownedOrganisation, updatePhoneAccount } from "@/lib/db/queries/phone";
import { fenToAmount } from "@/lib/money";
import { setLowBalanceSchema, type SimpleResult } from "@/lib/validations/phone";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** The low-balance alert's threshold (empty: no alert). */
export const setLowBalanceAlertAction: FormAction<SimpleResult> = toFormAction(
  "user",
  ["organisationId", "threshold"],
  publicAction("set-low-balance-alert", setLowBalanceSchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<SimpleResult> => {
      const { organisationId, threshold } = parsedInput;
      if (!(await ownedOrganisation(ctx.db, { userId: ctx.user.id, organisationId }))) return { ok: false, error: "NOT_FOUND" };
      await updatePhoneAccount(ctx.db, {
        organisationId,
        now: ctx.now,
        set: { lowBalanceThreshold: threshold === undefined ? null : fenToAmount(threshold) },
      });
      revalidatePath("/console/phone");
      return { ok: true };
    }),
);
