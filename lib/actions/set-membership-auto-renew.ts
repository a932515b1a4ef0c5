"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getAgreement, getAgreementForOrder } from "@/lib/db/queries/agreements";
import { getMembership, setAutoRenew } from "@/lib/db/queries/memberships";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const schema = z.object({ membershipId: z.uuid(), autoRenew: z.enum(["on", "off"]) });

export type SetAutoRenewResult = { ok: true } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" | "NO_AGREEMENT" };

/**
 * Cancels (or resumes) a membership's auto-renewal: cancelling stops future charges and keeps the paid
 * period; the renewal job charges only memberships with auto-renew on.
 */
export const setMembershipAutoRenew: FormAction<SetAutoRenewResult> = toFormAction(
  "user",
  ["membershipId", "autoRenew"],
  publicAction("set-membership-auto-renew", schema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<SetAutoRenewResult> => {
      const row = await getMembership(ctx.db, { id: parsedInput.membershipId });
      if (!row || row.userId !== ctx.user.id) return { ok: false, error: "NOT_FOUND" };
      // Resuming needs the agreement still in force (the payer may have cancelled it on /console/agreements).
      if (parsedInput.autoRenew === "on") {
        const agreement = row.agreementId
          ? await getAgreement(ctx.db, { agreementId: row.agreementId })
          : row.agreementOrderId
            ? await getAgreementForOrder(ctx.db, { orderId: row.agreementOrderId })
            : undefined;
        if (agreement?.status !== "active") return { ok: false, error: "NO_AGREEMENT" };
      }
      const done = await setAutoRenew(ctx.db, {
        userId: ctx.user.id,
        membershipId: parsedInput.membershipId,
        autoRenew: parsedInput.autoRenew === "on",
        now: ctx.now,
      });
      if (!done) return { ok: false, error: "NOT_FOUND" };
      revalidatePath("/membership");
      return { ok: true };
    }),
  (): SetAutoRenewResult => ({ ok: false, error: "INVALID" }),
);
