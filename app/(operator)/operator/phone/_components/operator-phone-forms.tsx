"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { adjustPhoneCreditAction } from "@/lib/actions/adjust-phone-credit";
import { setPhoneAccessAction } from "@/lib/actions/set-phone-access";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

const input = "rounded-md border border-slate-300 bg-white px-3 py-2";

export function PhoneAccessForm({
  organisationId,
  dialOut,
  overseas,
  overdraft,
}: {
  organisationId: string;
  dialOut: boolean;
  overseas: boolean;
  overdraft: string;
}) {
  const t = useTranslations("PhoneOperator");
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState(setPhoneAccessAction, null);
  const err = state && !state.ok && state.fieldErrors?.overdraft?.[0];
  return (
    <form action={action} noValidate className="mt-3 space-y-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="dialOut" defaultChecked={dialOut} /> {t("grantDialOut")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="overseas" defaultChecked={overseas} /> {t("grantOverseas")}
      </label>
      <div>
        <label htmlFor="op-overdraft" className="block text-sm font-medium">
          {t("overdraft")}
        </label>
        <input
          id="op-overdraft"
          name="overdraft"
          inputMode="numeric"
          defaultValue={overdraft}
          className={input}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? "op-overdraft-error" : undefined}
        />
        {err && (
          <p id="op-overdraft-error" className="text-sm text-red-700">
            {translateKnown(tRoot, [err])}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {tRoot("Phone.save")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("saved")}
        </p>
      )}
    </form>
  );
}

export function AdjustmentForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("PhoneOperator");
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState(adjustPhoneCreditAction, null);
  const errors = state && !state.ok && state.error === "INVALID" ? state.fieldErrors : {};
  const err = (f: string) => (errors[f]?.[0] ? translateKnown(tRoot, [errors[f][0]]) : undefined);
  return (
    <form action={action} noValidate className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      {(["amount", "reason"] as const).map((f) => (
        <div key={f}>
          <label htmlFor={`adjust-${f}`} className="block text-sm font-medium">
            {t(f === "amount" ? "adjustAmount" : "adjustReason")}
          </label>
          <input
            id={`adjust-${f}`}
            name={f}
            className={input}
            aria-invalid={err(f) ? true : undefined}
            aria-describedby={err(f) ? `adjust-${f}-error` : undefined}
          />
          {err(f) && (
            <p id={`adjust-${f}-error`} className="text-sm text-red-700">
              {err(f)}
            </p>
          )}
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {t("adjust")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("saved")}
        </p>
      )}
      {state && !state.ok && state.error === "BELOW_FLOOR" && <p className="text-sm text-red-700">{tRoot("Phone.forecast.empty")}</p>}
    </form>
  );
}
