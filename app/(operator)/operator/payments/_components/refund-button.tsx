"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { RowAnnouncer, useAnnounce } from "@/components/row-announcer";
import { useHydrated } from "@/components/use-hydrated";
import type { RefundPaymentResult } from "@/lib/actions/refund-payment";
import { Button } from "@/components/ui/button";

/** The list's confirmation line (components/row-announcer.tsx). */
export const RefundAnnouncer = RowAnnouncer;

/** Refunds one payment needing attention; the button's name carries the order number and the amount. */
export function RefundButton({ number, amount, refund }: { number: string; amount: string; refund: () => Promise<RefundPaymentResult> }) {
  const t = useTranslations("PaymentsAttention");
  const announce = useAnnounce();
  // Disabled until hydrated, so an early click is not silently lost.
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const onClick = () =>
    startTransition(async () => {
      const r = await refund();
      announce(r.ok ? { text: t("refunded", { number, amount }), error: false } : { text: t(`errors.${r.error}`), error: true });
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        disabled={pending || !hydrated}
        aria-label={t("refundLabel", { number, amount })}
        onClick={onClick}
        className="rounded-lg border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("refund")}
      </Button>
      {pending && <span className="self-center text-sm text-slate-600">{t("working")}</span>}
    </div>
  );
}
