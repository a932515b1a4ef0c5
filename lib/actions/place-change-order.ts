"use server";

import { revalidatePath } from "next/cache";
import { placeChangeOrder, type PlaceChangeResult } from "@/lib/lifecycle/place";
import { changeOrderSchema } from "@/lib/validations/change";
import { publicAction, rateLimit, signedIn, toAction, type FieldErrors, type RateLimited } from "./client";

export type PlaceChangeOrderResult =
  Exclude<PlaceChangeResult, { ok: true }> | { ok: false; error: "UNAUTHENTICATED" } | RateLimited | { ok: true; orderUrl: string };

/**
 * The services page orders a change (add capacity, raise a spec, renew, scheduled renewal): input
 * `{ idempotencyKey, organisationId, change, expectedTotal }`. Recomputed from the stored items at the request
 * clock by the same function as the preview; stored once per key; paid on its order page.
 */
export const placeChangeOrderAction = toAction(
  "user+limited",
  publicAction("place-change-order", changeOrderSchema)
    .use(rateLimit("place-order"))
    .useValidated(signedIn)
    .action(async ({ clientInput, ctx }): Promise<PlaceChangeOrderResult> => {
      const result = await placeChangeOrder(ctx.db, clientInput, { userId: ctx.user.id, locale: ctx.locale, now: ctx.now });
      if (!result.ok) return result;
      revalidatePath("/console/services");
      return { ok: true, orderUrl: `/orders/${result.orderId}` };
    }),
  (fieldErrors: FieldErrors): PlaceChangeOrderResult => ({ ok: false, error: "INVALID_SHAPE", fieldErrors }),
);
