"use server";

import { placeOrder, type PlaceOrderResult } from "@/lib/orders/place-order";
import { checkoutSchema } from "@/lib/validations/checkout";
import { publicAction, rateLimit, signedIn, toAction, type FieldErrors, type RateLimited } from "./client";

export type PlaceOrderActionResult =
  Exclude<PlaceOrderResult, { ok: true }> | { ok: false; error: "UNAUTHENTICATED" } | RateLimited | { ok: true; orderUrl: string };

/** Whether the raw input carries a voucher code (the order looks it up: it counts as a voucher guess). */
const hasVoucher = (input: unknown) =>
  typeof input === "object" && input !== null && "voucher" in input && (input as { voucher?: unknown }).voucher != null;

/**
 * Review → order. Every amount is recomputed on the server; only the cart and the buyer's details
 * are taken. Vouchers are judged on the request clock, the one the review step checked them on.
 */
export const placeOrderAction = toAction(
  "user+limited",
  publicAction("place-order", checkoutSchema)
    .use(rateLimit("place-order"))
    .use(rateLimit("voucher", hasVoucher))
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
