"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { translateKnown } from "@/lib/i18n/keys";

/** The accessibility wiring a control needs from its field. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface Props {
  id: string;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  /** A message key from the schema, e.g. "OrgDetails.errors.mobile". */
  error?: string;
  children(control: ControlProps): ReactNode;
}

export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";

/** Translates a schema's message key; an unknown key falls back to the generic failure text. */
export function useErrorText() {
  const t = useTranslations();
  return (key: string) => translateKnown(t, [key], "ContactSales.errors.generic");
}

/** A label, an optional hint and the field's error in the buyer's language, tied to the control by id. */
export function Field({ id, label, optional, hint, error, children }: Props) {
  const t = useTranslations("ContactSales");
  const errorText = useErrorText();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
        {optional && <span className="ml-1 text-sm font-normal text-slate-600">{t("optional")}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
