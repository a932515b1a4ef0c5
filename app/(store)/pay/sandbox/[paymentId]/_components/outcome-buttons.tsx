"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/**
 * The hosted page's three choices; disabled while one is being processed so it is sent once.
 * `skipValidation`: failing or cancelling needs no ticked consent (only paying does).
 */
export function OutcomeButtons({ skipValidation = false }: { skipValidation?: boolean }) {
  const t = useTranslations("Payments.sandbox");
  const { pending, data } = useFormStatus();
  const chosen = data?.get("outcome");
  return (
    <div role="group" aria-label={t("choices")} className="flex flex-wrap gap-3">
      <Button type="submit" name="outcome" value="pay" disabled={pending} size="lg">
        {pending && chosen === "pay" ? t("working") : t("pay")}
      </Button>
      <Button
        type="submit"
        name="outcome"
        value="fail"
        disabled={pending}
        formNoValidate={skipValidation}
        variant="danger-outline"
        size="lg"
      >
        {pending && chosen === "fail" ? t("working") : t("fail")}
      </Button>
      <Button type="submit" name="outcome" value="cancel" disabled={pending} formNoValidate={skipValidation} variant="secondary" size="lg">
        {pending && chosen === "cancel" ? t("working") : t("cancel")}
      </Button>
    </div>
  );
}
