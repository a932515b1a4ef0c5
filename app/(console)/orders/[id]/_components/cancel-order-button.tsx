"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { cancelOrderAction } from "@/lib/actions/cancel-order";
import { Button } from "@/components/ui/button";

/** "取消订单 / Cancel order" on an unpaid order: asks once more, then cancels it through the server. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const t = useTranslations("OrderStates.cancel");
  const [state, action, pending] = useActionState(cancelOrderAction, null);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <div className="space-y-2">
        <Button type="button" variant="danger-outline" onClick={() => setAsking(true)}>
          {t("button")}
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-700">
            {t(`errors.${state.error}`)}
          </p>
        )}
      </div>
    );
  return (
    <form action={action} className="space-y-2" aria-labelledby="cancel-order-question">
      <p id="cancel-order-question" className="text-sm text-slate-800">
        {t("question")}
      </p>
      <input type="hidden" name="orderId" value={orderId} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("pending") : t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)} autoFocus>
          {t("keep")}
        </Button>
      </div>
    </form>
  );
}
