"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useHydrated } from "@/components/use-hydrated";
import type { QuoteAdminResult } from "@/lib/validations/quote-admin";
import { Button } from "@/components/ui/button";

/**
 * Revoke in two steps: the first button shows what revoking does and a confirm button. Stays
 * mounted after the page refreshes to "revoked", so its confirmation is still read out.
 */
export function RevokeQuote({
  number,
  revocable,
  revoke,
}: {
  number: string;
  revocable: boolean;
  revoke: () => Promise<QuoteAdminResult>;
}) {
  const t = useTranslations("QuoteAdmin");
  // The buttons only work once hydrated; disabled until then, so an early click is not lost.
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<QuoteAdminResult | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const warningId = `revoke-warning-${number}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const confirm = () =>
    startTransition(async () => {
      const r = await revoke();
      setResult(r);
      setConfirming(false);
    });

  return (
    <div className="no-print space-y-2">
      {revocable && !result?.ok && !confirming && (
        <Button
          type="button"
          disabled={!hydrated}
          onClick={() => setConfirming(true)}
          className="rounded-lg border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
        >
          {t("revoke.button")}
        </Button>
      )}
      {revocable && confirming && (
        <div className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
          <p id={warningId} className="text-sm text-red-900">
            {t("revoke.warning")}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button ref={confirmRef} type="button" disabled={pending} aria-describedby={warningId} onClick={confirm} variant="danger">
              {pending ? t("revoke.revoking") : t("revoke.confirm")}
            </Button>
            <Button
              type="button"
              disabled={pending}
              onClick={() => setConfirming(false)}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium disabled:opacity-60"
            >
              {t("revoke.cancel")}
            </Button>
          </div>
        </div>
      )}
      <p role="status" className="text-sm font-medium">
        {result?.ok && t("revoke.done", { number })}
      </p>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${result.error}`)}
        </p>
      )}
    </div>
  );
}
