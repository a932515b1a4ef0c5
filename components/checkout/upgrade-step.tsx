"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { catalog, type Locale } from "@/lib/catalog";
import type { OrganisationChoice } from "@/lib/orders/organisation-choices";
import { nameOf } from "@/lib/pricing/messages";
import { buttonVariants } from "@/components/ui/button";
import type { CheckoutDraft } from "./use-checkout-draft";

/** An organisation the picker offers (free ones for an in-place upgrade, paid ones to add to). */
export type FreeOrganisation = OrganisationChoice;

/**
 * For a buyer who already has organisations: upgrade a free one in place (it keeps its name), or
 * start a new one; a paid one is added to from its services, never bought a second time by accident.
 */
export function UpgradeStep({
  organisations,
  paid = [],
  draft,
  update,
}: {
  organisations: FreeOrganisation[];
  /** Organisations on a paid edition: "add to this organisation" leads to their services. */
  paid?: FreeOrganisation[];
  draft: CheckoutDraft;
  update(patch: Partial<CheckoutDraft>): void;
}) {
  const t = useTranslations("Checkout");
  const chosen = draft.upgrade;
  const newName = draft.details?.organisation.organisationName ?? "";
  const option =
    "flex items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600";
  return (
    <div className="space-y-4">
      {paid.length > 0 && (
        <section aria-labelledby="paid-organisations" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h3 id="paid-organisations" className="font-semibold">
            {t("paidOrganisations")}
          </h3>
          {paid.map((o) => (
            <div key={o.id} className="space-y-2 rounded-lg border border-slate-300 p-3">
              <p className="font-medium break-words">{o.name}</p>
              <OrganisationFacts organisation={o} />
              <p className="text-sm text-slate-600">{t("addToOrganisationHelp", { name: o.name })}</p>
              <Link href={`/console/services#org-${o.id}`} className={buttonVariants({ variant: "outline" })}>
                {t("addToOrganisation", { name: o.name })}
              </Link>
            </div>
          ))}
        </section>
      )}
      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="text-sm text-slate-600">{organisations.length > 0 ? t("upgradeIntro") : t("upgradeIntroPaid")}</legend>
        {organisations.map((o) => (
          <label key={o.id} className={option}>
            <input
              type="radio"
              name="upgrade"
              className="mt-1"
              checked={chosen?.method === "in-place" && chosen.organisationId === o.id}
              onChange={() => update({ upgrade: { method: "in-place", organisationId: o.id } })}
            />
            <span className="min-w-0">
              <span className="font-medium break-words">{t("upgradeInPlace", { name: o.name })}</span>
              <OrganisationFacts organisation={o} />
              <span className="block text-sm text-slate-600">{t("upgradeInPlaceHelp")}</span>
              <span className="block text-sm text-slate-600">
                {t("upgradeKeepsName", { name: o.name })}
                {newName && newName !== o.name && <> {t("upgradeNameNotUsed", { typed: newName })}</>}
              </span>
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
          <span className="min-w-0">
            <span className="font-medium break-words">{t("upgradeNew", { name: newName })}</span>
            <span className="block text-sm text-slate-600">{paid.length > 0 ? t("upgradeNewSeparate") : t("upgradeNewHelp")}</span>
          </span>
        </label>
      </fieldset>
    </div>
  );
}

/** Edition · seats · until when: what tells two organisations of one buyer apart. */
function OrganisationFacts({ organisation: o }: { organisation: FreeOrganisation }) {
  const t = useTranslations("Checkout.organisationFacts");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const parts = [
    nameOf(catalog, o.edition, locale),
    o.seats ? t("seats", { count: o.seats }) : t("noSeats"),
    o.expiresAt ? t("expires", { date: format.dateTime(new Date(o.expiresAt), { dateStyle: "medium" }) }) : t("noExpiry"),
  ];
  return (
    <span className="block text-sm text-slate-700" data-testid={`organisation-facts-${o.id}`}>
      {parts.join(" · ")}
    </span>
  );
}
