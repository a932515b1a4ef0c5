"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { getPaymentProvider } from "@/lib/payments/registry";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { SANDBOX_PROVIDER_ID } from "@/lib/payments/sandbox/provider";
import { sandboxSecret } from "@/lib/payments/sandbox/secret";

const OUTCOMES = { pay: "succeeded", fail: "failed", cancel: "cancelled" } as const;
const decisionSchema = z.object({ paymentRef: z.string().regex(/^sbp_[0-9a-f]{32}$/), outcome: z.enum(["pay", "fail", "cancel"]) });

/**
 * The buyer's choice on the sandbox's hosted page (fields `paymentRef`, `outcome`): the gateway
 * settles the payment, notifies the app in-process with a signed notification (verified exactly
 * as the notify route verifies one), then sends the buyer back to the store.
 */
export async function decideSandboxPayment(formData: FormData): Promise<void> {
  const parsed = decisionSchema.safeParse({ paymentRef: formData.get("paymentRef"), outcome: formData.get("outcome") });
  if (!parsed.success) notFound();
  const db = await getDb();
  const provider = getPaymentProvider(SANDBOX_PROVIDER_ID);
  const result = await completeSandboxPayment(db, {
    paymentRef: parsed.data.paymentRef,
    outcome: OUTCOMES[parsed.data.outcome],
    secret: sandboxSecret(env()),
    now: new Date(),
    deliver: (n) => handlePaymentNotification(db, provider, { ...n, now: new Date() }),
  });
  if (!result) notFound();
  redirect(result.returnUrl);
}
