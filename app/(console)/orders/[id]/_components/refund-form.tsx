"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { requestRefundAction } from "@/lib/actions/request-refund";
import { REFUND_REASONS } from "@/lib/refunds/reasons";

/** The confirmation: a reason from the short list, the buyer's own words, and the button naming the amount. */
export function RefundForm({ orderId, amount }: { orderId: string; amount: string }) {
  const t = useTranslations("Refunds.form");
  const [state, action, pending] = useActionState(requestRefundAction, null);
  return (
    <form action={action} className="space-y-3 border-t border-slate-200 pt-3">
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("legend")}</legend>
        <input type="hidden" name="orderId" value={orderId} />
        <div>
          <label htmlFor="refund-reason" className="block font-medium">
            {t("reason")}
          </label>
          <select id="refund-reason" name="reason" required defaultValue="" className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="" disabled>
              —
            </option>
            {REFUND_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="refund-note" className="block font-medium">
            {t("note")}
          </label>
          <textarea
            id="refund-note"
            name="note"
            maxLength={500}
            rows={3}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
        </div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("pending") : t("confirm", { amount })}
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-red-700">
            {t(`errors.${state.error}`)}
          </p>
        )}
      </fieldset>
    </form>
  );
}
