"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findPaymentProvider } from "@/lib/payments/registry";
import { refundPaymentNeedingAttention, type RefundResult } from "@/lib/payments/refund";
import { auditSubjects } from "@/lib/audit";
import { audited, hasRole, publicAction, signedIn, toAction, type Denied } from "./client";

const refundPaymentSchema = z.object({ provider: z.string().min(1).max(40), paymentRef: z.string().min(1).max(200) });

export type RefundPaymentResult = { ok: true } | Extract<RefundResult, { ok: false }> | Denied;

/**
 * An operator refunds, through its provider, a payment needing attention (a wrong amount, or money
 * for an order cancelled meanwhile): input `{ provider, paymentRef }`. The rule is in lib/payments/refund.ts.
 */
export const refundPaymentAction: (input: unknown) => Promise<RefundPaymentResult> = toAction(
  "role",
  publicAction("refund-payment", refundPaymentSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(auditSubjects.payment))
    .action(async ({ parsedInput, ctx }): Promise<RefundPaymentResult> => {
      const provider = findPaymentProvider(parsedInput.provider);
      if (!provider) return { ok: false, error: "NOT_FOUND" };
      const result = await refundPaymentNeedingAttention(ctx.db, provider, {
        paymentRef: parsedInput.paymentRef,
        operatorId: ctx.user.id,
        now: ctx.now,
      });
      if (!result.ok) return result;
      revalidatePath("/operator/payments");
      return { ok: true };
    }),
  (): RefundPaymentResult => ({ ok: false, error: "NOT_FOUND" }),
);
