"use server";

import { revalidatePath } from "next/cache";
import { ownedOrganisation, setMemberPolicy, updatePhoneAccount } from "@/lib/db/queries/phone";
import { setPhonePolicySchema, type SimpleResult } from "@/lib/validations/phone";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** The organisation's outbound-calling policy, or (with a member) that member's override; "inherit" clears an override. */
export const setPhonePolicyAction: FormAction<SimpleResult> = toFormAction(
  "user",
  ["organisationId", "member", "policy"],
  publicAction("set-phone-policy", setPhonePolicySchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<SimpleResult> => {
      const { organisationId, policy } = parsedInput;
      if (!(await ownedOrganisation(ctx.db, { userId: ctx.user.id, organisationId }))) return { ok: false, error: "NOT_FOUND" };
      const member = parsedInput.member || null;
      if (member) await setMemberPolicy(ctx.db, { organisationId, member, policy: policy === "inherit" ? null : policy });
      else if (policy === "inherit") return { ok: false, error: "INVALID", fieldErrors: { policy: ["Phone.errors.policy"] } };
      else await updatePhoneAccount(ctx.db, { organisationId, now: ctx.now, set: { outboundPolicy: policy } });
      revalidatePath("/console/phone");
      return { ok: true };
    }),
);
