"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signInPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getPaymentProvider } from "@/lib/payments/registry";
import { startOrderPayment } from "@/lib/payments/start";

const startPaymentSchema = z.object({ orderId: z.uuid() });

/** What startPayment answers when it does not redirect to the gateway; only bugs throw. */
export type StartPaymentResult = { ok: false; error: "INVALID" | "NOT_FOUND" | "NOT_PAYABLE" };

/**
 * The buyer pays their own order: form field `orderId`. Sends the buyer to the provider's
 * payment page for the order's stored total; a signed-out visitor goes to sign in first.
 */
export async function startPayment(_previous: StartPaymentResult | null, formData: FormData): Promise<StartPaymentResult> {
  const parsed = startPaymentSchema.safeParse({ orderId: formData.get("orderId") });
  if (!parsed.success) return { ok: false, error: "INVALID" };
  const { orderId } = parsed.data;
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(`/orders/${orderId}`));

  const result = await startOrderPayment(await getDb(), getPaymentProvider(), { orderId, userId: user.id, now: new Date() });
  if (!result.ok) return result;
  redirect(result.redirectUrl);
}
