"use server";

import { auditSubjects } from "@/lib/audit";
import { revalidatePath } from "next/cache";
import { getAuth } from "@/lib/auth/auth";
import { createSalesAccount } from "@/lib/auth/staff";
import { createSalesAccountSchema, type CreateSalesAccountResult } from "@/lib/validations/staff";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/**
 * An operator creates a sales account (never from an existing account). The operator stays
 * signed in as themselves: no session is made for the new account.
 */
export const createSalesAccountAction: FormAction<CreateSalesAccountResult> = toFormAction(
  "role",
  ["name", "email", "password", "discountLimitPercent"],
  publicAction("create-sales-account", createSalesAccountSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.staffByEmail))
    .action(async ({ parsedInput, ctx }): Promise<CreateSalesAccountResult> => {
      const result = await createSalesAccount(await getAuth(), ctx.db, parsedInput);
      if (!result.ok)
        return {
          ok: false,
          error: result.error,
          fieldErrors: { email: [result.error === "ALREADY_STAFF" ? "Staff.errors.alreadyStaff" : "Staff.errors.emailRegistered"] },
        };
      revalidatePath("/operator/staff");
      return { ok: true, name: result.name, email: result.email };
    }),
);
