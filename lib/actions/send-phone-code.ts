"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { normaliseMainlandMobile } from "@/lib/membership/rules";
import { publicAction, rateLimit, signedIn, toFormAction, type FormAction, type RateLimited } from "./client";

const schema = z.object({ phone: z.string().max(40) });

export type SendPhoneCodeResult =
  { ok: true; phone: string } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" | "BAD_PHONE" | "SEND_FAILED" } | RateLimited;

/**
 * Sends a one-time code to the mobile number the signed-in person wants to prove (better-auth's
 * phone-number plugin; the text goes through the SMS provider, lib/sms). Counted like every auth request.
 */
export const sendPhoneCode: FormAction<SendPhoneCodeResult> = toFormAction(
  "user+limited",
  ["phone"],
  publicAction("send-phone-code", schema)
    .use(rateLimit("auth"))
    .useValidated(signedIn)
    .action(async ({ parsedInput }): Promise<SendPhoneCodeResult> => {
      const phone = normaliseMainlandMobile(parsedInput.phone);
      if (!phone) return { ok: false, error: "BAD_PHONE" };
      try {
        await (await getAuth()).api.sendPhoneNumberOTP({ body: { phoneNumber: phone }, headers: await headers() });
      } catch (error) {
        console.error("[send-phone-code] not sent", error);
        return { ok: false, error: "SEND_FAILED" };
      }
      return { ok: true, phone };
    }),
  (): SendPhoneCodeResult => ({ ok: false, error: "INVALID" }),
);
