"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { agreementsFor } from "@/lib/agreements";
import type { CheckoutDraft } from "./use-checkout-draft";

/** Every agreement of the edition, each ticked on its own; the version and time of each tick are kept. */
export function AgreementsStep({
  edition,
  draft,
  update,
}: {
  edition: string;
  draft: CheckoutDraft;
  update(patch: Partial<CheckoutDraft>): void;
}) {
  const t = useTranslations("Checkout");
  const locale = useLocale();
  const list = agreementsFor(edition);
  const accepted = (id: string, version: string) => draft.consents.some((c) => c.agreementId === id && c.version === version);
  const toggle = (id: string, version: string, on: boolean) =>
    update({
      consents: on
        ? [...draft.consents.filter((c) => c.agreementId !== id), { agreementId: id, version, acceptedAt: new Date().toISOString() }]
        : draft.consents.filter((c) => c.agreementId !== id),
    });
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <p className="text-sm text-slate-600">{t("agreementsIntro")}</p>
      <ul className="space-y-3">
        {list.map((a) => (
          <li key={a.id} className="rounded-lg border border-slate-200 p-3">
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-1 h-4 w-4"
                checked={accepted(a.id, a.version)}
                onChange={(e) => toggle(a.id, a.version, e.target.checked)}
              />
              <span>
                <span className="font-medium">{t("agree", { title: a.title[locale], version: a.version })}</span>
                <span className="mt-1 block text-sm text-slate-600">{a.summary[locale]}</span>
              </span>
            </label>
            <Link href={`/agreements/${a.id}`} target="_blank" className="ml-7 mt-1 inline-block text-sm text-brand-700 underline">
              {t("read")}
              <span className="sr-only"> {a.title[locale]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
