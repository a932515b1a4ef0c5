"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { AuthErrorKey } from "./auth-error";

/** The form-level error (wrong credentials, email taken…), announced when it appears. */
export function FormError({ messageKey }: { messageKey: AuthErrorKey | undefined }) {
  const t = useTranslations("Auth.errors");
  // The live region stays mounted so screen readers announce the message when it is filled in.
  return (
    <div role="alert" className="empty:hidden rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {messageKey ? t(messageKey) : null}
    </div>
  );
}

/** The primary button; it stays disabled while the request runs and while the next page loads. */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <Button type="submit" disabled={busy} block>
      {busy ? busyLabel : label}
    </Button>
  );
}
