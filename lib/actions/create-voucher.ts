"use server";

import { auditSubjects } from "@/lib/audit";
import { revalidatePath } from "next/cache";
import { createVoucher } from "@/lib/db/queries/vouchers";
import { generateVoucherCode } from "@/lib/vouchers";
import { createVoucherSchema, type CreateVoucherResult } from "@/lib/validations/voucher";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

const FIELDS = ["code", "kind", "amount", "percent", "minimumSpend", "singleUse", "expiresAt"] as const;

/** An operator issues a voucher; an empty code is generated. */
export const createVoucherAction: FormAction<CreateVoucherResult> = toFormAction(
  "role",
  FIELDS,
  publicAction("create-voucher", createVoucherSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.voucher))
    .action(async ({ parsedInput, ctx }): Promise<CreateVoucherResult> => {
      if (parsedInput.expiresAt && parsedInput.expiresAt <= ctx.now)
        return { ok: false, error: "INVALID", fieldErrors: { expiresAt: ["Vouchers.errors.expiresAt"] } };
      const code = parsedInput.code ?? generateVoucherCode();
      if (!(await createVoucher(ctx.db, { input: { ...parsedInput, code }, createdBy: ctx.user.id, now: ctx.now })))
        return { ok: false, error: "CODE_TAKEN" };
      revalidatePath("/operator/vouchers");
      return { ok: true, code };
    }),
);
