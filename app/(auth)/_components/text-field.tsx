"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";

interface Props {
  id: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  registration: UseFormRegisterReturn;
  /** A message key from the zod schema ("Auth.errors.…"), when the field is invalid. */
  error?: string;
  hint?: string;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ id, label, type, autoComplete, registration, error, hint }: Props) {
  const t = useTranslations();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-600"
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {t(error)}
        </p>
      )}
    </div>
  );
}
