"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setAutoRenew } from "@/lib/db/queries/memberships";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const schema = z.object({ membershipId: z.uuid(), autoRenew: z.enum(["on", "off"]) });

export type SetAutoRenewResult = { ok: true } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" };

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
