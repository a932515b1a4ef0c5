"use server";

import { revalidatePath } from "next/cache";
import { ownedOrganisation } from "@/lib/db/queries/phone";
import type { ApiKeyScope } from "@/lib/phone/api-keys";
import { createApiKey } from "@/lib/phone/keys-store";
import { createApiKeySchema, type CreateApiKeyResult } from "@/lib/validations/phone";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

/** An organisation's admin creates an API key; its token is answered once and only its hash is kept. */
export const createApiKeyAction: FormAction<CreateApiKeyResult> = toFormAction(
  "user",
  ["organisationId", "name", "scopeUsage", "scopeAuthorize"],
  publicAction("create-api-key", createApiKeySchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<CreateApiKeyResult> => {
      if (!(await ownedOrganisation(ctx.db, { userId: ctx.user.id, organisationId: parsedInput.organisationId })))
        return { ok: false, error: "NOT_FOUND" };
      const scopes: ApiKeyScope[] = [];
      if (parsedInput.scopeUsage) scopes.push("usage:write");
      if (parsedInput.scopeAuthorize) scopes.push("calls:authorize");
      if (scopes.length === 0) return { ok: false, error: "INVALID", fieldErrors: { scopes: ["Phone.errors.scopes"] } };
      const key = await createApiKey(ctx.db, {
        organisationId: parsedInput.organisationId,
        name: parsedInput.name,
        scopes,
        createdBy: ctx.user.id,
        now: ctx.now,
      });
      revalidatePath("/console/phone");
      return { ok: true, token: key.token, name: parsedInput.name };
    }),
);
