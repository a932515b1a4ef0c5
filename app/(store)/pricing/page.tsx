import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { catalog } from "@/lib/catalog";
import { EditionCard } from "./_components/edition-card";
import { AddonPriceTable } from "./_components/addon-price-table";
import { FeatureComparison } from "./_components/feature-comparison";
import { TermTotals } from "./_components/term-totals";
import { MembershipCard } from "./_components/membership-card";

export type Billing = "annual" | "monthly";

// A seat count typed into the term comparison: whole and within the catalog's line limit, else ignored.
function seatsParam(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && /^\d+$/.test(value) && n >= 1 && n <= catalog.rules.maxLineQuantity ? n : undefined;
}

export default async function PricingPage({ searchParams }: { searchParams: Promise<{ billing?: string; seats?: string }> }) {
  const params = await searchParams;
  const billing: Billing = params.billing === "monthly" ? "monthly" : "annual";
  const locale = await getLocale();
  const t = await getTranslations("PricingPage");
  return (
    <div className="space-y-10">
      <div className="space-y-3 text-center">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
        <nav aria-label={t("billing")} className="inline-flex rounded-lg border border-slate-300 bg-white p-1">
          {(["annual", "monthly"] as const).map((b) => (
            <Link
              key={b}
              href={b === "annual" ? "/pricing" : "/pricing?billing=monthly"}
              aria-current={billing === b ? "page" : undefined}
              scroll={false}
              className="rounded-md px-4 py-1.5 text-sm font-medium aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {t(b)}
            </Link>
          ))}
        </nav>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {catalog.editions.map((edition) => (
          <li key={edition.id} className="flex">
            <EditionCard edition={edition} billing={billing} locale={locale} />
          </li>
        ))}
      </ul>
      <MembershipCard />
      <FeatureComparison locale={locale} />
      <TermTotals locale={locale} seats={seatsParam(params.seats)} />
      <AddonPriceTable locale={locale} />
      <p className="text-center text-xs text-slate-500">{t("catalogVersion", { version: catalog.version })}</p>
    </div>
  );
}
