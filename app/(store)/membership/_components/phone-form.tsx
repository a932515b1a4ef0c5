"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { sendPhoneCode } from "@/lib/actions/send-phone-code";
import { verifyPhone } from "@/lib/actions/verify-phone";

/** Prove a mobile number: send a one-time code to it, then enter the code. Gifts to the number are then claimed. */
export function PhoneForm() {
  const t = useTranslations("Membership.phone");
  const [sent, send, sending] = useActionState(sendPhoneCode, null);
  const [verified, verify, verifying] = useActionState(verifyPhone, null);
  const [phone, setPhone] = useState("");
  const error = verified && !verified.ok ? verified.error : sent && !sent.ok ? sent.error : undefined;
  return (
    <div className="mt-3 space-y-3">
      <form action={send} className="flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="phone-number" className="block text-sm font-medium">
            {t("number")}
          </label>
          <input
            id="phone-number"
            name="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={sending}>
          {t("send")}
        </Button>
      </form>
      {sent?.ok && (
        <>
          <p role="status" className="text-sm text-slate-700">
            {t("sent", { phone: sent.phone })}
          </p>
          <form action={verify} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="phone" value={sent.phone} />
            <div>
              <label htmlFor="phone-code" className="block text-sm font-medium">
                {t("code")}
              </label>
              <input
                id="phone-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
            <Button type="submit" disabled={verifying}>
              {t("verify")}
            </Button>
          </form>
        </>
      )}
      {verified?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("done")}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${error}`)}
        </p>
      )}
    </div>
  );
}
