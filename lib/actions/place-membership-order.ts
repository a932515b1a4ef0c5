"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { agreementsFor } from "@/lib/agreements";
import { placeMembershipOrder, renewalAgreement, type MembershipRequest, type PlaceMembershipResult } from "@/lib/membership/place";
import { getPaymentProvider } from "@/lib/payments/registry";
import { startOrderPayment } from "@/lib/payments/start";
import { publicAction, rateLimit, signedIn, toFormAction, type FormAction, type RateLimited } from "./client";

const schema = z.object({
  type: z.enum(["open", "upgrade", "gift"]),
  tier: z.string().max(40).optional(),
  months: z.coerce.number().int().min(1).max(12),
  autoRenew: z.literal("on").optional(),
  phone: z.string().max(40).optional(),
  message: z.string().max(200).optional(),
  agree: z.literal("on").optional(),
  /** The agreement versions the form showed, "id@version" comma-separated. */
  agreementVersions: z.string().max(400),
  idempotencyKey: z.uuid(),
});

export type PlaceMembershipActionResult =
  | Exclude<PlaceMembershipResult, { ok: true }>
  | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_PAYABLE" | "NOT_FOUND" }
  | RateLimited;

const FIELDS = ["type", "tier", "months", "autoRenew", "phone", "message", "agree", "agreementVersions", "idempotencyKey"] as const;

/**
 * A membership order from the /membership page (open or buy again, upgrade, gift): placed once per
 * idempotency key, priced on the server, then paid with the provider at once (the browser goes to its page).
 */
export const placeMembershipOrderAction: FormAction<PlaceMembershipActionResult> = toFormAction(
  "user+limited",
  FIELDS,
  publicAction("place-membership-order", schema)
    .use(rateLimit("place-order"))
    .useValidated(signedIn)
    .action(async ({ parsedInput: input, ctx }): Promise<PlaceMembershipActionResult> => {
      // Accepted only as shown: unticked, or a version that is no longer current, is no consent.
      const shown = new Set(input.agreementVersions.split(","));
      const consents = input.agree
        ? agreementsFor("membership")
            .filter((a) => shown.has(`${a.id}@${a.version}`))
            .map((a) => ({ agreementId: a.id, version: a.version }))
        : [];
      const request: MembershipRequest =
        input.type === "open"
          ? { type: "open", tier: input.tier ?? "", months: input.months, autoRenew: input.autoRenew === "on" }
          : input.type === "upgrade"
            ? { type: "upgrade", tier: input.tier ?? "", months: input.months }
            : { type: "gift", months: input.months, phone: input.phone ?? "", message: input.message };
      const placed = await placeMembershipOrder(ctx.db, request, {
        userId: ctx.user.id,
        locale: ctx.locale,
        now: ctx.now,
        idempotencyKey: input.idempotencyKey,
        consents,
        buyer: { name: ctx.user.name, email: ctx.user.email },
      });
      if (!placed.ok) return placed;
      // Continuous monthly: the first payment also asks the payer to authorise the monthly charges.
      const agreement = request.type === "open" && request.autoRenew ? renewalAgreement(request.tier, ctx.locale) : undefined;
      const started = await startOrderPayment(ctx.db, getPaymentProvider(), {
        orderId: placed.orderId,
        userId: ctx.user.id,
        now: ctx.now,
        ...(agreement ? { agreement } : {}),
      });
      // Already paid (a repeat of a paid submission) or no longer payable: the order page says which.
      if (!started.ok) redirect(`/orders/${placed.orderId}`);
      redirect(started.redirectUrl);
    }),
  (): PlaceMembershipActionResult => ({ ok: false, error: "INVALID" }),
);
