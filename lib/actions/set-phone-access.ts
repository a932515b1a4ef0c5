"use server";

import { revalidatePath } from "next/cache";
import { phoneFacts, setGrant, updatePhoneAccount } from "@/lib/db/queries/phone";
import { fenToAmount } from "@/lib/money";
import { phoneAccessSubject } from "@/lib/phone/operator";
import { operatorPhoneSchema, type SimpleResult } from "@/lib/validations/phone";
import { audited, hasRole, publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An operator records an organisation's phone grants (dial-out, overseas; who and when) and its overdraft limit. */
export const setPhoneAccessAction: FormAction<SimpleResult> = toFormAction(
  "role",
  ["organisationId", "dialOut", "overseas", "overdraft"],
  publicAction("set-phone-access", operatorPhoneSchema)
    .useValidated(signedIn)
    .useValidated(hasRole("operator", "sales"))
    .useValidated(audited(phoneAccessSubject))
    .action(async ({ parsedInput: p, ctx }): Promise<SimpleResult> => {
      if (!(await phoneFacts(ctx.db, { organisationId: p.organisationId }))) return { ok: false, error: "NOT_FOUND" };
      const by = ctx.user.email;
      await setGrant(ctx.db, { organisationId: p.organisationId, grant: "dial_out", on: !!p.dialOut, by, now: ctx.now });
      await setGrant(ctx.db, { organisationId: p.organisationId, grant: "overseas", on: !!p.overseas, by, now: ctx.now });
      await updatePhoneAccount(ctx.db, { organisationId: p.organisationId, now: ctx.now, set: { overdraft: fenToAmount(p.overdraft) } });
      revalidatePath("/operator/phone");
      return { ok: true };
    }),
);
