"use server";

import { lookupVoucher } from "@/lib/vouchers";
import type { VoucherTerms } from "@/lib/pricing/types";
import { voucherCodeSchema, type VoucherLookupError } from "@/lib/validations/voucher";
import { publicAction, rateLimit, toAction, type RateLimited } from "./client";

export type CheckVoucherResult = { ok: true; voucher: VoucherTerms } | { ok: false; error: VoucherLookupError | "INVALID" } | RateLimited;

/**
 * Review step: the terms of a voucher code the buyer typed, or why it cannot be used. Read-only;
 * the order redeems it. Expiry is judged on the request clock, as placing the order judges it.
 * Guessing codes is limited per client address (the "voucher" limit).
 */
export const checkVoucherAction: (code: unknown) => Promise<CheckVoucherResult> = toAction(
  "public+limited",
  publicAction("check-voucher", voucherCodeSchema)
    .use(rateLimit("voucher"))
    .action(async ({ parsedInput, ctx }): Promise<CheckVoucherResult> => {
      const found = await lookupVoucher(ctx.db, { code: parsedInput, now: ctx.now });
      return found.ok ? { ok: true, voucher: found.terms } : { ok: false, error: found.error };
    }),
  (): CheckVoucherResult => ({ ok: false, error: "INVALID" }),
);
