"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { RowAnnouncer, useAnnounce } from "@/components/row-announcer";
import { useHydrated } from "@/components/use-hydrated";
import type { QuoteAdminResult } from "@/lib/validations/quote-admin";
import { Button } from "@/components/ui/button";

/** The list's confirmation line (components/row-announcer.tsx). */
export const DecisionAnnouncer = RowAnnouncer;

/** Approve or reject one waiting quote; each button's name carries the quote number. */
export function ApprovalActions({
  number,
  approve,
  reject,
}: {
  number: string;
  approve: () => Promise<QuoteAdminResult>;
  reject: () => Promise<QuoteAdminResult>;
}) {
  const t = useTranslations("QuoteAdmin");
  const announce = useAnnounce();
  // Disabled until hydrated, so an early click is not silently lost.
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const decide = (action: () => Promise<QuoteAdminResult>, done: "approved" | "rejected") =>
    startTransition(async () => {
      const r = await action();
      announce(r.ok ? { text: t(`approvals.${done}`, { number }), error: false } : { text: t(`errors.${r.error}`), error: true });
    });
  const busy = pending || !hydrated;
  return (
    <div className="no-print flex flex-wrap gap-2">
      <Button
        type="button"
        disabled={busy}
        aria-label={t("approvals.approveLabel", { number })}
        onClick={() => decide(approve, "approved")}
        className="rounded-lg bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("approvals.approve")}
      </Button>
      <Button
        type="button"
        disabled={busy}
        aria-label={t("approvals.rejectLabel", { number })}
        onClick={() => decide(reject, "rejected")}
        className="rounded-lg border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("approvals.reject")}
      </Button>
      {pending && <span className="self-center text-sm text-slate-600">{t("approvals.working")}</span>}
    </div>
  );
}
