"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { approveVerification } from "@/lib/actions/approve-verification";
import { rejectVerification } from "@/lib/actions/reject-verification";
import { REJECT_REASON_MAX, type DecideVerificationResult } from "@/lib/validations/verification";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

/** Approve, or reject with a reason; server actions, so they work before the page hydrates. */
export function DecisionForms({ verificationId }: { verificationId: string }) {
  const t = useTranslations("Verification.operator");
  const tRoot = useTranslations();
  const [approved, approve, approving] = useActionState(approveVerification, null);
  const [rejected, reject, rejecting] = useActionState(rejectVerification, null);
  // Controlled, so a refused reason stays in the box (React resets uncontrolled fields after an action).
  const [reason, setReason] = useState("");
  const busy = approving || rejecting;
  const reasonId = `reason-${verificationId}`;
  const reasonError = rejected && !rejected.ok && rejected.error === "INVALID" ? rejected.fieldErrors.reason?.[0] : undefined;
  const failure = [approved, rejected].find(
    (r): r is Exclude<DecideVerificationResult, { ok: true }> => !!r && !r.ok && !(r.error === "INVALID" && r.fieldErrors.reason),
  );
  return (
    <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-[auto_1fr]">
      <form action={approve}>
        <input type="hidden" name="verificationId" value={verificationId} />
        <Button type="submit" disabled={busy}>
          {approving ? t("approving") : t("approve")}
        </Button>
      </form>
      <form action={reject} noValidate className="space-y-2">
        <input type="hidden" name="verificationId" value={verificationId} />
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t("reason")}
        </label>
        <p id={`${reasonId}-help`} className="text-xs text-slate-500">
          {t("reasonHelp")}
        </p>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={REJECT_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={[`${reasonId}-help`, reasonError ? `${reasonId}-error` : ""].filter(Boolean).join(" ")}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
        />
        {reasonError && (
          <p id={`${reasonId}-error`} className="text-sm text-red-700">
            {translateKnown(tRoot, [reasonError])}
          </p>
        )}
        <Button type="submit" disabled={busy} variant="danger-outline">
          {rejecting ? t("rejecting") : t("reject")}
        </Button>
      </form>
      {failure && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {failure.error === "ALREADY_DECIDED"
            ? t(`errors.ALREADY_DECIDED`, { status: tRoot(`Verification.status.${failure.status}`) })
            : t(`errors.${failure.error}`)}
        </p>
      )}
    </div>
  );
}
