"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createVoucher, generateVoucherCode } from "@/lib/db/queries/vouchers";
import { createVoucherSchema, type CreateVoucherResult } from "@/lib/validations/voucher";

const FIELDS = ["code", "kind", "amount", "percent", "minimumSpend", "singleUse", "expiresAt"] as const;

/** An operator issues a voucher; an empty code is generated. */
export async function createVoucherAction(_previous: CreateVoucherResult | null, formData: FormData): Promise<CreateVoucherResult> {
  const parsed = createVoucherSchema.safeParse(Object.fromEntries(FIELDS.map((f) => [f, formData.get(f) ?? undefined])));
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getCurrentUser();
  if (user?.role !== "operator") return { ok: false, error: "FORBIDDEN" };

  const now = new Date();
  if (parsed.data.expiresAt && parsed.data.expiresAt <= now)
    return { ok: false, error: "INVALID", fieldErrors: { expiresAt: ["Vouchers.errors.expiresAt"] } };
  const code = parsed.data.code ?? generateVoucherCode();
  if (!(await createVoucher(await getDb(), { input: { ...parsed.data, code }, createdBy: user.id, now })))
    return { ok: false, error: "CODE_TAKEN" };
  revalidatePath("/operator/vouchers");
  return { ok: true, code };
}
