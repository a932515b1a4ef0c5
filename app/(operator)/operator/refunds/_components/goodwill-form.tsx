"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { goodwillRefundAction } from "@/lib/actions/goodwill-refund";
import { formatMoney } from "@/lib/money";

/** An operator's goodwill refund: the order's number, an amount up to what was paid, and the recorded reason. */
export function GoodwillForm() {
  const t = useTranslations("RefundsAdmin.goodwill");
  const [state, action, pending] = useActionState(goodwillRefundAction, null);
  return (
    <form
      action={action}
      // Submitted by hand, so a refused amount keeps what the operator typed (a form action resets the fields).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="mt-3 grid max-w-xl gap-3 text-sm"
    >
      <label className="grid gap-1">
        <span className="font-medium">{t("order")}</span>
        <input name="orderNumber" required className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">{t("amount")}</span>
        <input name="amount" required inputMode="decimal" className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">{t("reason")}</span>
        <textarea name="reason" required minLength={3} maxLength={500} rows={2} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </div>
      {state &&
        (state.ok ? (
          <p role="status">{t("done", { number: state.number, amount: formatMoney(state.refund) })}</p>
        ) : (
          <p role="alert" className="text-red-700">
            {t(`errors.${state.error}`)}
          </p>
        ))}
    </form>
  );
}
