import type { Db } from "@/lib/db/client";
import type { GiftRow } from "@/lib/db/schema";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { getSmsProvider } from "@/lib/sms";
import { claimGifts } from "./fulfil";
import { normaliseMainlandMobile } from "./rules";

/**
 * What better-auth's phone-number plugin is configured with (lib/auth/auth.ts): codes go through the SMS
 * provider (lib/sms), only mainland mobile numbers (11 digits, 1[3-9]) are accepted, and proving a number
 * claims every gift waiting for it.
 */
export function phoneNumberOptions(db: Db, clock: { now: () => Promise<Date>; locale: () => Promise<Locale> }) {
  return {
    otpLength: 6,
    expiresIn: 300,
    allowedAttempts: 3,
    phoneNumberValidator: (phoneNumber: string) => normaliseMainlandMobile(phoneNumber) === phoneNumber,
    sendOTP: async ({ phoneNumber, code }: { phoneNumber: string; code: string }) => {
      const text = translatorFor(await clock.locale())("Membership.phone.smsText", { code });
      await getSmsProvider(db).send({ to: phoneNumber, text, now: await clock.now() });
    },
    callbackOnVerification: async ({ phoneNumber, user }: { phoneNumber: string; user: { id: string } }) => {
      await claimGiftsOnVerification(db, { phone: phoneNumber, userId: user.id, now: await clock.now() });
    },
  };
}

/**
 * A person proved `phone`: every gift waiting for it is theirs now (once, whoever races), its months starting
 * now. Answers the gifts claimed.
 */
export async function claimGiftsOnVerification(db: Db, p: { phone: string; userId: string; now: Date }): Promise<GiftRow[]> {
  return db.transaction((tx) => claimGifts(tx, p));
}
