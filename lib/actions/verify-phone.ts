"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { normaliseMainlandMobile } from "@/lib/membership/rules";
import { publicAction, rateLimit, signedIn, toFormAction, type FormAction, type RateLimited } from "./client";

const schema = z.object({ phone: z.string().max(40), code: z.string().trim().max(12) });

export type VerifyPhoneResult =
  { ok: true } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "BAD_PHONE" | "BAD_CODE" | "PHONE_TAKEN" } | RateLimited;

/**
 * Proves the signed-in person's mobile number with the code sent to it (better-auth's phone-number plugin,
 * `updatePhoneNumber`): the number becomes theirs, verified, and every gift waiting for it is claimed
 * (callbackOnVerification, lib/membership/phone.ts).
 */
export const verifyPhone: FormAction<VerifyPhoneResult> = toFormAction(
  "user+limited",
  ["phone", "code"],
  publicAction("verify-phone", schema)
    .use(rateLimit("auth"))
    .useValidated(signedIn)
    .action(async ({ parsedInput }): Promise<VerifyPhoneResult> => {
      const phone = normaliseMainlandMobile(parsedInput.phone);
      if (!phone) return { ok: false, error: "BAD_PHONE" };
      try {
        await (
          await getAuth()
        ).api.verifyPhoneNumber({
          body: { phoneNumber: phone, code: parsedInput.code, updatePhoneNumber: true, disableSession: true },
          headers: await headers(),
        });
      } catch (error) {
        if (error instanceof APIError) {
          const taken = /exist/i.test(String(error.body?.code ?? error.message));
          return { ok: false, error: taken ? "PHONE_TAKEN" : "BAD_CODE" };
        }
        throw error;
      }
      revalidatePath("/membership");
      return { ok: true };
    }),
  (): VerifyPhoneResult => ({ ok: false, error: "INVALID" }),
);
