"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelScheduledRenewal, type CancelScheduledResult } from "@/lib/lifecycle/scheduled";
import { getPaymentProvider } from "@/lib/payments/registry";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const schema = z.object({ orderId: z.uuid() });

export type CancelScheduledRenewalResult = CancelScheduledResult | { ok: false; error: "INVALID" | "UNAUTHENTICATED" };

/** The buyer cancels their pending scheduled renewal (form field `orderId`): refunded through the provider. */
export const cancelScheduledRenewalAction: FormAction<CancelScheduledRenewalResult> = toFormAction(
  "user",
  ["orderId"],
  publicAction("cancel-scheduled-renewal", schema)
    .useValidated(signedIn)
    .action(async ({ parsedInput: { orderId }, ctx }): Promise<CancelScheduledRenewalResult> => {
      const result = await cancelScheduledRenewal(ctx.db, getPaymentProvider(), { orderId, userId: ctx.user.id, now: ctx.now });
      if (result.ok) {
        revalidatePath("/console/services");
        revalidatePath(`/orders/${orderId}`);
      }
      return result;
    }),
  (): CancelScheduledRenewalResult => ({ ok: false, error: "INVALID" }),
);
