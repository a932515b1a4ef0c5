"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setMembershipAutoRenew } from "@/lib/actions/set-membership-auto-renew";
import { FormError } from "./agree-field";

/** Cancel (keeps the paid period) or resume a membership's auto-renewal. */
export function AutoRenewButton({ membershipId, autoRenew }: { membershipId: string; autoRenew: boolean }) {
  const t = useTranslations("Membership.current");
  const [state, action, pending] = useActionState(setMembershipAutoRenew, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="autoRenew" value={autoRenew ? "off" : "on"} />
      <Button type="submit" variant="secondary" disabled={pending} className="text-sm">
        {autoRenew ? t("cancelAutoRenew") : t("resumeAutoRenew")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {autoRenew ? t("resumed") : t("cancelled")}
        </p>
      )}
      <FormError error={state && !state.ok ? state.error : undefined} />
    </form>
  );
}
