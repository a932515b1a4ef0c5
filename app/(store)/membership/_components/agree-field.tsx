"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

export interface ShownAgreement {
  id: string;
  version: string;
  title: string;
}

/** The agreements checkbox of a membership form: each agreement linked to its full text at the version shown. */
export function AgreeField({ id, agreements }: { id: string; agreements: ShownAgreement[] }) {
  const t = useTranslations("Membership.agree");
  // Controlled, so a refused submit (React resets a form after its action) keeps the tick.
  const [agreed, setAgreed] = useState(false);
  return (
    <div className="flex items-start gap-2 text-sm">
      <input type="hidden" name="agreementVersions" value={agreements.map((a) => `${a.id}@${a.version}`).join(",")} />
      <input id={id} type="checkbox" name="agree" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} className="mt-1 size-4" />
      <label htmlFor={id}>
        {t("label")}{" "}
        {agreements.map((a, i) => (
          <span key={a.id}>
            {i > 0 && ` ${t("and")} `}
            <a href={`/agreements/${a.id}?version=${a.version}`} target="_blank" rel="noreferrer" className="text-brand-700 underline">
              《{a.title}》
            </a>
          </span>
        ))}
      </label>
    </div>
  );
}

/** What a membership form shows after a refused submit. */
export type MembershipFormError = keyof Messages["Membership"]["errors"];

export function FormError({ error }: { error: MembershipFormError | undefined }) {
  const t = useTranslations("Membership.errors");
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {t(error)}
    </p>
  );
}
