"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelOrder } from "@/lib/orders/state";
import { getPaymentProvider } from "@/lib/payments/registry";
import { reconcilePayment } from "@/lib/payments/reconcile";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const cancelOrderSchema = z.object({ orderId: z.uuid() });

/** What cancelOrderAction answers; only bugs throw. NOT_CANCELLABLE: paid, expired or cancelled meanwhile. */
export type CancelOrderResult = { ok: true } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" | "NOT_CANCELLABLE" };

/**
 * The buyer cancels their own unpaid order (form field `orderId`): recorded as a transition with
 * cause `buyer_cancelled`; an order accepted from a quote hands the quote back, as expiry does.
 */
export const cancelOrderAction: FormAction<CancelOrderResult> = toFormAction(
  "user",
  ["orderId"],
  publicAction("cancel-order", cancelOrderSchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput: { orderId }, ctx }): Promise<CancelOrderResult> => {
      // A payment that went through meanwhile (its notification lost) wins over the cancellation.
      await reconcilePayment(ctx.db, getPaymentProvider(), { orderId, now: ctx.now });
      const result = await cancelOrder(ctx.db, { orderId, userId: ctx.user.id, now: ctx.now });
      if (!result.ok) return { ok: false, error: result.error === "NOT_FOUND" ? "NOT_FOUND" : "NOT_CANCELLABLE" };
      revalidatePath(`/orders/${orderId}`);
      revalidatePath("/console/orders");
      return { ok: true };
    }),
  (): CancelOrderResult => ({ ok: false, error: "INVALID" }),
);
