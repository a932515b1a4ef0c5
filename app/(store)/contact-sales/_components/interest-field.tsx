"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ContactSalesInterest } from "@/lib/validations/contact-sales";
import { useErrorText } from "./field";

export interface InterestOption {
  value: ContactSalesInterest;
  label: string;
  hint: string;
}

const card =
  "flex cursor-pointer flex-col rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600";

interface Props {
  options: InterestOption[];
  /** The interest checked when the page is rendered. */
  checked?: string;
  register: UseFormRegisterReturn<"interest">;
  error?: string;
}

/** What the lead asks about, as radio cards; preselected from the link that brought them here. */
export function InterestField({ options, checked, register, error }: Props) {
  const t = useTranslations("ContactSales");
  const errorText = useErrorText();
  return (
    <fieldset aria-describedby={error ? "interest-error" : undefined}>
      <legend className="font-medium">{t("labels.interest")}</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className={card}>
            <span className="flex items-center gap-2">
              <input
                type="radio"
                value={o.value}
                defaultChecked={checked === o.value}
                aria-describedby={`interest-${o.value}-hint`}
                {...register}
              />
              <span className="font-medium">{o.label}</span>
            </span>
            <span id={`interest-${o.value}-hint`} className="ml-6 text-sm text-slate-600">
              {o.hint}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="interest-error" className="mt-2 text-sm text-red-700">
          {errorText(error)}
        </p>
      )}
    </fieldset>
  );
}
