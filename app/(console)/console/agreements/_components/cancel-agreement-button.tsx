"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cancelAgreementAction } from "@/lib/actions/cancel-agreement";
import { Button } from "@/components/ui/button";

/**
 * "取消授权 / Cancel authorisation" of one agreement while `active`; says when it is done (the message stays
 * once the row shows it cancelled) or could not be done.
 */
export function CancelAgreementButton({ agreementId, description, active }: { agreementId: string; description: string; active: boolean }) {
  const t = useTranslations("PlatformAgreements.console");
  const [state, action, pending] = useActionState(cancelAgreementAction, null);
  if (!active && !state) return null;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="agreementId" value={agreementId} />
      {active && (
        <Button type="submit" variant="danger-outline" size="sm" disabled={pending} aria-label={t("cancelLabel", { description })}>
          {pending ? t("cancelling") : t("cancel")}
        </Button>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-slate-700">
          {t("cancelled", { description })}
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      )}
    </form>
  );
}
