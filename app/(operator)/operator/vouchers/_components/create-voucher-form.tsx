"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createVoucherAction } from "@/lib/actions/create-voucher";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

const input = "w-full rounded-md border border-slate-300 px-3 py-2";

/** The operator's new-voucher form: a server action, so it works before the page hydrates. */
export function CreateVoucherForm() {
  const t = useTranslations("Vouchers");
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState(createVoucherAction, null);
  const [kind, setKind] = useState<"cash" | "percent">("cash");
  const fieldErrors = state && !state.ok && state.error === "INVALID" ? state.fieldErrors : {};
  const errorOf = (field: keyof typeof fieldErrors) => {
    const key = fieldErrors[field]?.[0];
    return key ? translateKnown(tRoot, [key]) : undefined;
  };
  const field = (
    name: "code" | "amount" | "percent" | "minimumSpend" | "expiresAt",
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement>,
    help?: string,
  ) => {
    const error = errorOf(name);
    const described = [help && `voucher-${name}-help`, error && `voucher-${name}-error`].filter(Boolean).join(" ") || undefined;
    return (
      <div className="space-y-1">
        <label htmlFor={`voucher-${name}`} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={`voucher-${name}`}
          name={name}
          className={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...props}
        />
        {help && (
          <p id={`voucher-${name}-help`} className="text-xs text-slate-500">
            {help}
          </p>
        )}
        {error && (
          <p id={`voucher-${name}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <section aria-labelledby="voucher-create" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="voucher-create" className="text-xl font-semibold">
        {t("create.title")}
      </h2>
      <form action={action} noValidate className="mt-4 grid gap-4 sm:grid-cols-2">
        {field("code", t("create.code"), { autoComplete: "off", className: `${input} uppercase` }, t("create.codeHelp"))}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("create.kind")}</legend>
          {(["cash", "percent"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`create.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === "cash"
          ? field("amount", t("create.amount"), { inputMode: "decimal" })
          : field("percent", t("create.percent"), { inputMode: "numeric" }, t("create.percentHelp"))}
        {field("minimumSpend", t("create.minimumSpend"), { inputMode: "decimal" })}
        {field("expiresAt", t("create.expiresAt"), { type: "datetime-local" })}
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="singleUse" defaultChecked />
          {t("create.singleUse")}
        </label>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("create.submitting") : t("create.submit")}
          </Button>
          <p role="status" className="text-sm">
            {state?.ok && t("create.created", { code: state.code })}
            {state && !state.ok && <span className="text-red-700">{t(`errors.${state.error}`)}</span>}
          </p>
        </div>
      </form>
    </section>
  );
}
