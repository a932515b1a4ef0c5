"use server";

import { orderPlacedUnder } from "@/lib/orders/place-order";
import { checkoutSchema } from "@/lib/validations/checkout";
import { publicAction, signedIn, toAction } from "./client";

export type FindPlacedOrderResult = { ok: true; orderUrl: string | null } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" };

/**
 * A checkout wizard that opens (after a refresh, say) asks whether its idempotency key already
 * produced one of this buyer's orders; only the buyer's own orders are found.
 */
export const findPlacedOrderAction: (idempotencyKey: unknown) => Promise<FindPlacedOrderResult> = toAction(
  "user",
  publicAction("find-placed-order", checkoutSchema.shape.idempotencyKey)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<FindPlacedOrderResult> => {
      const orderId = await orderPlacedUnder(ctx.db, { userId: ctx.user.id, idempotencyKey: parsedInput });
      return { ok: true, orderUrl: orderId && `/orders/${orderId}` };
    }),
  (): FindPlacedOrderResult => ({ ok: false, error: "INVALID" }),
);
