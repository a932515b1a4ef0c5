"use server";

import { revalidatePath } from "next/cache";
import { getAgreement } from "@/lib/db/queries/agreements";
import { z } from "zod";
import { cancelAgreement, AGREEMENTS_PAGE } from "@/lib/payments/agreements";
import { getPaymentProvider } from "@/lib/payments/registry";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const schema = z.object({ agreementId: z.uuid() });

/** What cancelAgreementAction answers. PROVIDER_UNAVAILABLE: the provider could not be reached (nothing changed; try again). */
export type CancelAgreementActionResult =
  { ok: true } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" | "PROVIDER_UNAVAILABLE" };

/**
 * The payer cancels their own recurring-payment agreement (form field `agreementId`): cancelled at the
 * provider, then recorded; nothing is charged on it afterwards. Another user's agreement is NOT_FOUND.
 */
export const cancelAgreementAction: FormAction<CancelAgreementActionResult> = toFormAction(
  "user",
  ["agreementId"],
  publicAction("cancel-agreement", schema)
    .useValidated(signedIn)
    .action(async ({ parsedInput: { agreementId }, ctx }): Promise<CancelAgreementActionResult> => {
      const found = await getAgreement(ctx.db, { agreementId });
      if (!found || found.userId !== ctx.user.id) return { ok: false, error: "NOT_FOUND" };
      let result;
      try {
        result = await cancelAgreement(ctx.db, getPaymentProvider(found.provider), { agreementId, userId: ctx.user.id, now: ctx.now });
      } catch (error) {
        console.warn(`[payments] cancelling agreement ${agreementId} failed`, error);
        return { ok: false, error: "PROVIDER_UNAVAILABLE" };
      }
      if (!result.ok) return result;
      revalidatePath(AGREEMENTS_PAGE);
      revalidatePath("/", "layout");
      return { ok: true };
    }),
  (): CancelAgreementActionResult => ({ ok: false, error: "INVALID" }),
);
