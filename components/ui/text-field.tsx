"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { translateKnown } from "@/lib/i18n/keys";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "aria-invalid" | "aria-describedby"> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  /** A message key from the zod schema ("Auth.errors.…"), when the field is invalid. */
  error?: string;
  /** Words an error key; by default the key's own message. */
  errorText?: (key: string) => string;
  hint?: string;
}

/** A labelled input of a react-hook-form form, whose hint and error are announced with it. */
export function TextField({ id, label, registration, error, errorText, hint, ...input }: Props) {
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
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-600"
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errorText ? errorText(error) : translateKnown(t, [error])}
        </p>
      )}
    </div>
  );
}
