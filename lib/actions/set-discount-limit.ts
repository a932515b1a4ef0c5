"use server";

import { auditSubjects } from "@/lib/audit";
import { revalidatePath } from "next/cache";
import { setDiscountLimit } from "@/lib/db/queries/users";
import { setDiscountLimitSchema, type SetDiscountLimitResult } from "@/lib/validations/staff";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator changes a sales account's discount limit. */
export const setDiscountLimitAction: FormAction<SetDiscountLimitResult> = toFormAction(
  "role",
  ["id", "discountLimitPercent"],
  publicAction("set-discount-limit", setDiscountLimitSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.staffById))
    .action(async ({ parsedInput, ctx }): Promise<SetDiscountLimitResult> => {
      const row = await setDiscountLimit(ctx.db, { id: parsedInput.id, percent: parsedInput.discountLimitPercent });
      if (!row) return { ok: false, error: "NOT_SALES" };
      revalidatePath("/operator/staff");
      return { ok: true, id: row.id, percent: row.discountLimitPercent };
    }),
);
