import { getTranslations } from "next-intl/server";
import { catalog, selfServeEditionsFor, type Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";

export async function AddonPriceTable({ locale }: { locale: Locale }) {
  const t = await getTranslations("PricingPage");
  const cell = (v: string | undefined) => (v ? formatMoney(v, { compact: true }) : t("notSold"));
  const columns = (["Item", "Year", "Month", "Once", "Editions"] as const).map((c) => ({
    key: c,
    label: t(`col${c}`),
    align: c === "Year" || c === "Month" || c === "Once" ? ("right" as const) : undefined,
  }));
  return (
    <section aria-labelledby="addon-prices" className="below-fold space-y-3">
      <h2 id="addon-prices" className="text-2xl font-semibold">
        {t("addonsTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("addonsIntro")}</p>
      <DataTable caption={t("addonsCaption")} columns={columns} responsive="cards">
        {catalog.addons.map((a) => (
          <tr key={a.sku}>
            <RowHeader>{a.name[locale]}</RowHeader>
            <Td align="right" className={a.prices.year ? "" : "max-sm:hidden"}>
              {cell(a.prices.year)}
            </Td>
            <Td align="right" className={a.prices.month ? "" : "max-sm:hidden"}>
              {cell(a.prices.month)}
            </Td>
            <Td align="right" className={a.prices.once ? "" : "max-sm:hidden"}>
              {cell(a.prices.once)}
            </Td>
            <Td className="text-slate-600">
              {selfServeEditionsFor(catalog, a)
                .map((e) => e.name[locale])
                .join(" · ")}
            </Td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
