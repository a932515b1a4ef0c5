"use server";

import { getDb } from "@/lib/db/client";
import { lookupVoucher } from "@/lib/db/queries/vouchers";
import type { VoucherTerms } from "@/lib/pricing/types";
import { voucherCodeSchema, type VoucherLookupError } from "@/lib/validations/voucher";

export type CheckVoucherResult = { ok: true; voucher: VoucherTerms } | { ok: false; error: VoucherLookupError | "INVALID" };

/** Review step: the terms of a voucher code the buyer typed, or why it cannot be used. Read-only; the order redeems it. */
export async function checkVoucherAction(code: unknown): Promise<CheckVoucherResult> {
  const parsed = voucherCodeSchema.safeParse(code);
  if (!parsed.success) return { ok: false, error: "INVALID" };
  const found = await lookupVoucher(await getDb(), { code: parsed.data, now: new Date() });
  return found.ok ? { ok: true, voucher: found.terms } : { ok: false, error: found.error };
}
