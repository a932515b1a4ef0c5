"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cancelScheduledRenewalAction } from "@/lib/actions/cancel-scheduled-renewal";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";

/** Cancels the pending scheduled renewal; its payment is refunded through the provider. */
export function CancelScheduledButton({ orderId }: { orderId: string }) {
  const t = useTranslations("Services");
  const [state, action, pending] = useActionState(cancelScheduledRenewalAction, null);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <Button type="submit" variant="danger-outline" disabled={pending}>
        {t("cancelScheduled")}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
          {state.ok ? t("cancelled", { amount: formatMoney(state.refunded) }) : t("cancelFailed", { error: state.error })}
        </p>
      )}
    </form>
  );
}
