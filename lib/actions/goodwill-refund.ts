"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AuditSubject } from "@/lib/audit";
import { findOrderByNumber, findRefundOfOrder } from "@/lib/db/queries/refunds";
import { getPaymentProvider } from "@/lib/payments/registry";
import { goodwillRefund, type GoodwillResult } from "@/lib/refunds/request";
import { amountFieldSchema } from "@/lib/validations/money";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

const goodwillSchema = z.object({
  orderNumber: z.string().trim().min(1).max(40),
  amount: amountFieldSchema({ places: "upTo2" }),
  reason: z.string().trim().min(3).max(500),
});

/** The audited subject: the order's refund, before (none) and after. */
const orderRefundSubject: AuditSubject<{ orderNumber: string }, { orderId?: string }> = {
  subject: (_input, data) => (data?.orderId ? `order-refund:${data.orderId}` : undefined),
  load: async (db, subject) => (await findRefundOfOrder(db, { orderId: subject.slice("order-refund:".length) })) ?? null,
};

export type GoodwillRefundActionResult =
  | { ok: true; orderId: string; refund: string; number: string }
  | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "FORBIDDEN" | Extract<GoodwillResult, { ok: false }>["error"] };

/**
 * An operator refunds an order by hand (goodwill; form fields `orderNumber`, `amount`, `reason`): at most
 * what its payment took, the reason recorded, audited (lib/audit) with the refund before and after.
 */
export const goodwillRefundAction: FormAction<GoodwillRefundActionResult> = toFormAction(
  "role",
  ["orderNumber", "amount", "reason"],
  publicAction("goodwill-refund", goodwillSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator"))
    .useValidated(audited(orderRefundSubject))
    .action(async ({ parsedInput, ctx }): Promise<GoodwillRefundActionResult> => {
      const order = await findOrderByNumber(ctx.db, { number: parsedInput.orderNumber });
      if (!order) return { ok: false, error: "NOT_FOUND" };
      const result = await goodwillRefund(ctx.db, getPaymentProvider(), {
        orderId: order.id,
        amount: parsedInput.amount,
        reason: parsedInput.reason,
        operatorId: ctx.user.id,
        now: ctx.now,
      });
      if (!result.ok) return result;
      revalidatePath("/operator/refunds");
      revalidatePath(`/orders/${order.id}`);
      return { ok: true, orderId: order.id, refund: result.refund, number: order.number };
    }),
  (): GoodwillRefundActionResult => ({ ok: false, error: "INVALID" }),
);
