"use client";

import { useTranslations } from "next-intl";
import type { CheckoutDraft } from "./use-checkout-draft";

export interface FreeOrganisation {
  id: string;
  name: string;
}

/** For a buyer who already has a free organisation: upgrade one of them in place, or start a new one. */
export function UpgradeStep({
  organisations,
  draft,
  update,
}: {
  organisations: FreeOrganisation[];
  draft: CheckoutDraft;
  update(patch: Partial<CheckoutDraft>): void;
}) {
  const t = useTranslations("Checkout");
  const chosen = draft.upgrade;
  const newName = draft.details?.organisation.organisationName ?? "";
  const option =
    "flex items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600";
  return (
    <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <legend className="text-sm text-slate-600">{t("upgradeIntro")}</legend>
      {organisations.map((o) => (
        <label key={o.id} className={option}>
          <input
            type="radio"
            name="upgrade"
            className="mt-1"
            checked={chosen?.method === "in-place" && chosen.organisationId === o.id}
            onChange={() => update({ upgrade: { method: "in-place", organisationId: o.id } })}
          />
          <span>
            <span className="font-medium">{t("upgradeInPlace", { name: o.name })}</span>
            <span className="block text-sm text-slate-600">{t("upgradeInPlaceHelp")}</span>
          </span>
        </label>
      ))}
      <label className={option}>
        <input
          type="radio"
          name="upgrade"
          className="mt-1"
          checked={chosen?.method === "new"}
          onChange={() => update({ upgrade: { method: "new" } })}
        />
        <span>
          <span className="font-medium">{t("upgradeNew", { name: newName })}</span>
          <span className="block text-sm text-slate-600">{t("upgradeNewHelp")}</span>
        </span>
      </label>
    </fieldset>
  );
}
