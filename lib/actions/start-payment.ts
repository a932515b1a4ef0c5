"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signInPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { getPaymentProvider } from "@/lib/payments/registry";
import { startOrderPayment } from "@/lib/payments/start";
import { publicAction, toFormAction, type FormAction } from "./client";

const startPaymentSchema = z.object({ orderId: z.uuid() });

/** What startPayment answers when it does not redirect to the gateway; only bugs throw. */
export type StartPaymentResult = { ok: false; error: "INVALID" | "NOT_FOUND" | "NOT_PAYABLE" };

/**
 * The buyer pays their own order: form field `orderId`. Sends the buyer to the provider's
 * payment page for the order's stored total; a signed-out visitor goes to sign in first.
 */
export const startPayment: FormAction<StartPaymentResult> = toFormAction(
  "public",
  ["orderId"],
  publicAction("start-payment", startPaymentSchema)
    // Signed out is no error here: the pay button is a link into sign-in and back to the order.
    .useValidated(async ({ parsedInput, next }) => {
      const user = await getCurrentUser();
      if (!user) redirect(signInPath(`/orders/${parsedInput.orderId}`));
      return next({ ctx: { user } });
    })
    .action(async ({ parsedInput: { orderId }, ctx }): Promise<StartPaymentResult> => {
      const result = await startOrderPayment(ctx.db, getPaymentProvider(), { orderId, userId: ctx.user.id, now: ctx.now });
      if (!result.ok) return result;
      redirect(result.redirectUrl);
    }),
  (): StartPaymentResult => ({ ok: false, error: "INVALID" }),
);
