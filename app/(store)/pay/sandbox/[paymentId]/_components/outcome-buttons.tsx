"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

/** The hosted page's three choices; disabled while one is being processed so it is sent once. */
export function OutcomeButtons() {
  const t = useTranslations("Payments.sandbox");
  const { pending, data } = useFormStatus();
  const chosen = data?.get("outcome");
  const base = "rounded-lg px-5 py-2.5 font-medium disabled:opacity-60";
  return (
    <div role="group" aria-label={t("choices")} className="flex flex-wrap gap-3">
      <button type="submit" name="outcome" value="pay" disabled={pending} className={`${base} bg-brand-700 text-white hover:bg-brand-800`}>
        {pending && chosen === "pay" ? t("working") : t("pay")}
      </button>
      <button
        type="submit"
        name="outcome"
        value="fail"
        disabled={pending}
        className={`${base} border border-red-300 bg-white text-red-800 hover:bg-red-50`}
      >
        {pending && chosen === "fail" ? t("working") : t("fail")}
      </button>
      <button
        type="submit"
        name="outcome"
        value="cancel"
        disabled={pending}
        className={`${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
      >
        {pending && chosen === "cancel" ? t("working") : t("cancel")}
      </button>
    </div>
  );
}
