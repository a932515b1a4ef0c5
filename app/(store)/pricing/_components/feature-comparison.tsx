import { getTranslations } from "next-intl/server";
import { catalog, type Edition, type Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";

type Value = boolean | string;

/** The editions side by side, feature by feature: every row comes from the catalog. */
export async function FeatureComparison({ locale }: { locale: Locale }) {
  const t = await getTranslations("PricingPage.compare");
  const editions = catalog.editions;
  const rows: { id: string; label: string; value(e: Edition): Value }[] = [
    {
      id: "price",
      label: t("price"),
      value: (e) =>
        e.prices.year
          ? t("perSeatYear", { price: formatMoney(e.prices.year, { compact: true }) })
          : e.sales === "signup"
            ? t("free")
            : t("custom"),
    },
    { id: "meeting-size", label: t("meetingSize"), value: (e) => t("people", { count: e.meetingSize }) },
    {
      id: "seats",
      label: t("seats"),
      value: (e) => (!e.seats ? "—" : e.seats.max === null ? `${e.seats.min}+` : `${e.seats.min}–${e.seats.max}`),
    },
    ...catalog.comparison.map((r) => ({
      id: r.id,
      label: r.label[locale],
      value: (e: Edition) => {
        const v = r.values[e.id];
        return typeof v === "boolean" ? v : v[locale];
      },
    })),
    // An add-on family is available where any of its add-ons is sold (online or through sales).
    ...catalog.families.map((f) => ({
      id: `family-${f.id}`,
      label: t("addon", { family: f.name[locale] }),
      value: (e: Edition) => catalog.addons.some((a) => a.family === f.id && a.editions.includes(e.id)),
    })),
    { id: "verification", label: t("verification"), value: (e) => e.verification === true },
    { id: "how", label: t("how"), value: (e) => t(`sales.${e.sales}`) },
  ];
  const columns = [{ key: "feature", label: t("feature") }, ...editions.map((e) => ({ key: e.id, label: e.name[locale] }))];
  return (
    <section aria-labelledby="compare-title" className="below-fold space-y-3">
      <h2 id="compare-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <DataTable caption={t("title")} columns={columns} minWidth="min-w-[48rem]">
        {rows.map((row) => (
          <tr key={row.id}>
            <RowHeader className="sticky left-0 bg-white">{row.label}</RowHeader>
            {editions.map((e) => (
              <Td key={e.id}>
                <Cell value={row.value(e)} yes={t("yes")} no={t("no")} />
              </Td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Cell({ value, yes, no }: { value: Value; yes: string; no: string }) {
  if (typeof value === "string") return <>{value}</>;
  return value ? (
    <span className="text-emerald-700">
      <span aria-hidden>✓</span> {yes}
    </span>
  ) : (
    <span className="text-slate-500">
      <span aria-hidden>—</span> {no}
    </span>
  );
}
