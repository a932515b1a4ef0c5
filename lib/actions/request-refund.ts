"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPaymentProvider } from "@/lib/payments/registry";
import { REFUND_REASONS } from "@/lib/refunds/reasons";
import { requestRefund } from "@/lib/refunds/request";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const requestRefundSchema = z.object({
  orderId: z.uuid(),
  reason: z.enum(REFUND_REASONS),
  note: z.string().trim().max(500).optional().default(""),
});

/** What requestRefundAction answers; only bugs throw. */
export type RequestRefundActionResult =
  { ok: true; refund: string } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" | "ALREADY_REQUESTED" | "NOT_ELIGIBLE" };

/**
 * The buyer confirms the refund of their own order (form fields `orderId`, `reason`, `note`): judged
 * again by the rule at the request's clock, claimed once per order, sent through the provider
 * (lib/refunds/request.ts). The order page then shows the refund's state.
 */
export const requestRefundAction: FormAction<RequestRefundActionResult> = toFormAction(
  "user",
  ["orderId", "reason", "note"],
  publicAction("request-refund", requestRefundSchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<RequestRefundActionResult> => {
      const result = await requestRefund(ctx.db, getPaymentProvider(), { ...parsedInput, userId: ctx.user.id, now: ctx.now });
      if (!result.ok) return { ok: false, error: result.error };
      revalidatePath(`/orders/${parsedInput.orderId}`);
      revalidatePath("/console/services");
      revalidatePath("/console/orders");
      return { ok: true, refund: result.refund };
    }),
  (): RequestRefundActionResult => ({ ok: false, error: "INVALID" }),
);
