import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { catalog, type Edition, type Locale } from "@/lib/catalog";
import { messagesFor } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { priceCart } from "@/lib/pricing";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";

/** The terms compared: 1, 2 and 3 years. */
export const COMPARED_YEARS = [1, 2, 3] as const;

/** The seat count an edition is compared at: the buyer's, when the edition sells it; else its smallest. */
export function comparedSeats(edition: Edition, asked: number | undefined): number {
  const { min, max } = edition.seats!;
  return asked !== undefined && asked >= min && (max === null || asked <= max) ? asked : min;
}

/**
 * What each self-serve edition costs over one to three years, side by side: each figure is the
 * cart `priceCart` prices (the same module as `/buy` and the API), and each links to that cart.
 */
export async function TermTotals({ locale, seats }: { locale: Locale; seats: number | undefined }) {
  const t = await getTranslations("PricingPage.terms");
  const messages = messagesFor(locale).Pricing;
  const editions = catalog.editions.filter((e) => e.sales === "self-serve" && e.seats && e.prices.year);
  const columns = [
    { key: "edition", label: t("edition") },
    ...COMPARED_YEARS.map((n) => ({ key: `y${n}`, label: t("years", { count: n }), align: "right" as const })),
  ];
  return (
    <section aria-labelledby="terms-title" className="below-fold space-y-3">
      <h2 id="terms-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" action="/pricing#terms-title" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("seatsLabel")}</span>
          <input
            type="number"
            name="seats"
            min={1}
            max={catalog.rules.maxLineQuantity}
            defaultValue={seats}
            inputMode="numeric"
            className="mt-1 w-28 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium">
          {t("compare")}
        </button>
      </form>
      <DataTable caption={t("title")} columns={columns} responsive="cards">
        {editions.map((e) => {
          const n = comparedSeats(e, seats);
          return (
            <tr key={e.id}>
              <RowHeader>
                {e.name[locale]}
                <span className="block text-xs font-normal text-slate-600">
                  {t("atSeats", { count: n })}
                  {seats !== undefined && n !== seats && ` · ${t("outOfRange", { min: e.seats!.min, max: e.seats!.max ?? "∞" })}`}
                </span>
              </RowHeader>
              {COMPARED_YEARS.map((years) => {
                const priced = priceCart({ edition: e.id, seats: n, term: { unit: "year", count: years }, addons: [] }, catalog, {
                  locale,
                  messages,
                });
                return (
                  <Td key={years} align="right" data-testid={`term-total-${e.id}-${years}`}>
                    <Link
                      href={`/buy?edition=${e.id}&seats=${n}&term=${years}y`}
                      className="text-brand-700 underline-offset-4 hover:underline"
                    >
                      <Nowrap>{formatMoney(priced.total)}</Nowrap>
                    </Link>
                  </Td>
                );
              })}
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
