"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { waitText } from "@/lib/limits/wait";
import type { AuthFormError } from "./auth-error";

/** The form-level error (wrong credentials, email taken, too many attempts and the wait…), announced when it appears. */
export function FormError({ error }: { error: AuthFormError | undefined }) {
  const t = useTranslations("Auth.errors");
  const tLimits = useTranslations("Limits");
  // The live region stays mounted so screen readers announce the message when it is filled in.
  return (
    <div role="alert" className="empty:hidden rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {!error ? null : "key" in error ? t(error.key) : tLimits(error.limited, { wait: waitText(tLimits, error.retryAfter) })}
    </div>
  );
}

/**
 * The primary button; it stays disabled until the form's code runs (a click before would post the password to the
 * page and lose what was typed), while the request runs and while the next page loads.
 */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" disabled={busy || !hydrated} block>
      {busy ? busyLabel : label}
    </Button>
  );
}
