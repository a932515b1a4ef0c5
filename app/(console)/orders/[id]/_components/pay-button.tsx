"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startPayment } from "@/lib/actions/start-payment";
import { Button } from "@/components/ui/button";

/** Sends the buyer to the payment provider for this order's stored total. Works before hydration too. */
export function PayButton({ orderId }: { orderId: string }) {
  const t = useTranslations("Payments.start");
  const [state, action, pending] = useActionState(startPayment, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <Button type="submit" disabled={pending} size="lg">
        {pending ? t("starting") : t("pay")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${state.error}`)}
        </p>
      )}
    </form>
  );
}
