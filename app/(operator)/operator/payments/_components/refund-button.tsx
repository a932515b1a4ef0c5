"use client";

import { useTranslations } from "next-intl";
import { createContext, use, useState, useSyncExternalStore, useTransition } from "react";
import type { RefundPaymentResult } from "@/lib/actions/refund-payment";
import { Button } from "@/components/ui/button";

type Notice = { text: string; error: boolean };
const AnnounceContext = createContext<(notice: Notice) => void>(() => {});
const noop = () => () => {};

/** Holds the latest refund's confirmation above the list: a refunded payment leaves the list, its message must not. */
export function RefundAnnouncer({ children }: { children: React.ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <AnnounceContext value={setNotice}>
      <p role="status" className={`text-sm font-medium ${notice?.error ? "text-red-700" : "text-emerald-800"}`}>
        {notice?.text}
      </p>
      {children}
    </AnnounceContext>
  );
}

/** Refunds one payment needing attention; the button's name carries the order number and the amount. */
export function RefundButton({ number, amount, refund }: { number: string; amount: string; refund: () => Promise<RefundPaymentResult> }) {
  const t = useTranslations("PaymentsAttention");
  const announce = use(AnnounceContext);
  // Disabled until hydrated, so an early click is not silently lost.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
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
