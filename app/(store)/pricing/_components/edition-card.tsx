import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Edition, Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { seatPricePoints } from "@/lib/pricing/editions";
import { annualSaving } from "@/lib/pricing/savings";
import type { Billing } from "../page";
import { buttonVariants } from "@/components/ui/button";

function buyHref(edition: Edition, billing: Billing): string {
  if (edition.sales === "contact-sales") return `/contact-sales?edition=${edition.id}`;
  const term = billing === "monthly" && edition.prices.month ? "1m" : "1y";
  const seats = edition.seats ? `&seats=${edition.seats.min}` : "";
  return `/buy?edition=${edition.id}${seats}&term=${term}`;
}

export async function EditionCard({ edition, billing, locale }: { edition: Edition; billing: Billing; locale: Locale }) {
  const t = await getTranslations("PricingPage");
  const p = seatPricePoints(edition);
  const money = (v: string) => formatMoney(v, { compact: true });
  const headingId = `edition-${edition.id}`;
  const saving = annualSaving(p.year, p.month);
  const highlight = edition.highlight?.[locale];
  return (
    <article
      aria-labelledby={headingId}
      aria-describedby={highlight ? `${headingId}-why` : undefined}
      className={`flex w-full flex-col rounded-xl border bg-white p-6 shadow-sm ${highlight ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
    >
      {highlight && (
        <p id={`${headingId}-why`} className="mb-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          <span className="mr-1 inline-block rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("recommended")}</span>{" "}
          {highlight}
        </p>
      )}
      <h2 id={headingId} className="text-xl font-semibold">
        {edition.name[locale]}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{edition.tagline[locale]}</p>
      <div className="mt-4 min-h-20">
        {edition.sales === "signup" && <p className="text-3xl font-bold">{t("free")}</p>}
        {edition.sales === "contact-sales" && <p className="text-2xl font-bold">{t("customPrice")}</p>}
        {edition.sales === "self-serve" && billing === "annual" && p.year && (
          <>
            <p className="text-3xl font-bold tabular-nums">{t("perSeatYear", { price: money(p.year) })}</p>
            {p.yearPerMonth && <p className="text-sm text-slate-600">{t("yearAsMonth", { price: money(p.yearPerMonth) })}</p>}
            {saving && saving.percent > 0 && (
              <p className="text-sm font-medium text-emerald-700">
                {t("saves", { amount: formatMoney(saving.amount), percent: saving.percent })}
              </p>
            )}
          </>
        )}
        {edition.sales === "self-serve" && billing === "monthly" && p.month && (
          <>
            <p className="text-3xl font-bold tabular-nums">{t("perSeatMonth", { price: money(p.month) })}</p>
            {p.monthTimesTwelve && <p className="text-sm text-slate-600">{t("monthAsYear", { price: money(p.monthTimesTwelve) })}</p>}
            {saving && saving.percent > 0 && (
              <p className="text-sm font-medium text-emerald-700">
                {t("yearlyWouldSave", { amount: formatMoney(saving.amount), percent: saving.percent })}
              </p>
            )}
          </>
        )}
      </div>
      <ul className="mt-4 space-y-1 text-sm">
        <li>{t("meetingSize", { size: edition.meetingSize })}</li>
        <li>
          {!edition.seats
            ? t("noSeats")
            : edition.seats.max === null
              ? t("seatRangeOpen", { min: edition.seats.min })
              : t("seatRange", { min: edition.seats.min, max: edition.seats.max })}
        </li>
        {edition.verification && <li className="text-amber-700">{t("verificationNote")}</li>}
      </ul>
      <ul className="mt-4 flex-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {edition.features[locale].map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <Link href={buyHref(edition, billing)} className={buttonVariants({ className: "mt-6" })}>
        {edition.sales === "contact-sales"
          ? t("contactSales")
          : edition.sales === "signup"
            ? t("startFree")
            : t("buy", { edition: edition.name[locale] })}
      </Link>
    </article>
  );
}
