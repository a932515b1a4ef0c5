"use server";

import { placeOrder, type PlaceOrderResult } from "@/lib/orders/place-order";
import { checkoutSchema } from "@/lib/validations/checkout";
import { publicAction, signedIn, toAction, type FieldErrors } from "./client";

export type PlaceOrderActionResult =
  Exclude<PlaceOrderResult, { ok: true }> | { ok: false; error: "UNAUTHENTICATED" } | { ok: true; orderUrl: string };

/**
 * Review → order. Every amount is recomputed on the server; only the cart and the buyer's details
 * are taken. Vouchers are judged on the request clock, the one the review step checked them on.
 */
export const placeOrderAction = toAction(
  "user",
  publicAction("place-order", checkoutSchema)
    .useValidated(signedIn)
    .action(async ({ clientInput, ctx }): Promise<PlaceOrderActionResult> => {
      // The domain parses the same input again: it is also called outside an action.
      const result = await placeOrder(ctx.db, clientInput, { userId: ctx.user.id, locale: ctx.locale, now: ctx.now });
      if (!result.ok) return result;
      // No redirect here: the browser must first retire this checkout's idempotency key, then navigate.
      return { ok: true, orderUrl: `/orders/${result.orderId}` };
    }),
  (fieldErrors: FieldErrors): PlaceOrderActionResult => ({ ok: false, error: "INVALID_SHAPE", fieldErrors }),
);
