"use server";

import { revalidatePath } from "next/cache";
import { ownedOrganisation, revokeApiKey } from "@/lib/db/queries/phone";
import { revokeApiKeySchema, type SimpleResult } from "@/lib/validations/phone";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An organisation's admin revokes one of its API keys: it stops working at once. */
export const revokeApiKeyAction: FormAction<SimpleResult> = toFormAction(
  "user",
  ["organisationId", "keyId"],
  publicAction("revoke-api-key", revokeApiKeySchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<SimpleResult> => {
      if (!(await ownedOrganisation(ctx.db, { userId: ctx.user.id, organisationId: parsedInput.organisationId })))
        return { ok: false, error: "NOT_FOUND" };
      if (!(await revokeApiKey(ctx.db, { organisationId: parsedInput.organisationId, id: parsedInput.keyId, now: ctx.now })))
        return { ok: false, error: "NOT_FOUND" };
      revalidatePath("/console/phone");
      return { ok: true };
    }),
);
