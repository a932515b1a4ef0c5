"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/env";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { getPaymentProvider } from "@/lib/payments/registry";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { SANDBOX_PROVIDER_ID } from "@/lib/payments/sandbox/provider";
import { sandboxGatewayOr404 } from "@/lib/payments/sandbox/guard";
import { sandboxSecret } from "@/lib/payments/sandbox/secret";
import { publicAction, toFormAction } from "./client";

const OUTCOMES = { pay: "succeeded", fail: "failed", cancel: "cancelled" } as const;
const decisionSchema = z.object({
  paymentRef: z.string().regex(/^sbp_[0-9a-f]{32}$/),
  outcome: z.enum(["pay", "fail", "cancel"]),
  /** The "authorise future charges" checkbox of a payment that asks for an agreement. */
  consent: z.literal("on").optional(),
});

const decide = toFormAction(
  "public",
  ["paymentRef", "outcome", "consent"],
  publicAction("decide-sandbox-payment", decisionSchema).action(async ({ parsedInput, ctx }): Promise<never> => {
    sandboxGatewayOr404();
    const provider = getPaymentProvider(SANDBOX_PROVIDER_ID);
    const result = await completeSandboxPayment(ctx.db, {
      paymentRef: parsedInput.paymentRef,
      outcome: OUTCOMES[parsedInput.outcome],
      secret: sandboxSecret(env()),
      now: ctx.now,
      consent: parsedInput.consent === "on",
      deliver: (n) => handlePaymentNotification(ctx.db, provider, { ...n, now: ctx.now }),
    });
    if (!result) notFound();
    // Paying without ticking the authorisation (the browser's `required` bypassed): back to the page, which says so.
    if (result === "CONSENT_REQUIRED") redirect(`/pay/sandbox/${parsedInput.paymentRef}?consent=required`);
    redirect(result.returnUrl);
  }),
  () => notFound(),
);

/**
 * The buyer's choice on the sandbox's hosted page (fields `paymentRef`, `outcome`, and `consent` for a
 * payment that sets up a recurring-payment agreement): the gateway
 * settles the payment, notifies the app in-process with a signed notification (verified exactly
 * as the notify route verifies one), then sends the buyer back to the store.
 */
export async function decideSandboxPayment(formData: FormData): Promise<void> {
  await decide(null, formData);
}
