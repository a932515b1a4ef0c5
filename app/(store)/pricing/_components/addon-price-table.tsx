import { getTranslations } from "next-intl/server";
import { catalog, selfServeEditionsFor, type Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";

export async function AddonPriceTable({ locale }: { locale: Locale }) {
  const t = await getTranslations("PricingPage");
  const cell = (v: string | undefined) => (v ? formatMoney(v, { compact: true }) : t("notSold"));
  return (
    <section aria-labelledby="addon-prices" className="space-y-3">
      <h2 id="addon-prices" className="text-2xl font-semibold">
        {t("addonsTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("addonsIntro")}</p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("colItem")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("colYear")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("colMonth")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("colOnce")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("colEditions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {catalog.addons.map((a) => (
              <tr key={a.sku} className="border-t border-slate-100">
                <th scope="row" className="px-4 py-2 font-medium">
                  {a.name[locale]}
                </th>
                <td className="px-4 py-2 text-right tabular-nums">{cell(a.prices.year)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{cell(a.prices.month)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{cell(a.prices.once)}</td>
                <td className="px-4 py-2 text-slate-600">
                  {selfServeEditionsFor(catalog, a)
                    .map((e) => e.name[locale])
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
