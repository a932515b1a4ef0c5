import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog, type Locale } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listOrganisations } from "@/lib/db/queries/organisations";
import { getServices, phoneCreditBalance } from "@/lib/db/queries/services";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { Section } from "@/components/ui/section";

export default async function ServicesPage() {
  const user = await requireUser("/console/services");
  const db = await getDb();
  const organisations = await listOrganisations(db, { userId: user.id });
  const withServices = await Promise.all(
    organisations.map(async (o) => ({
      org: o,
      services: await getServices(db, { organisationId: o.id }),
      credit: await phoneCreditBalance(db, { organisationId: o.id }),
    })),
  );
  const [t, format, locale] = [await getTranslations("Console"), await getFormatter(), (await getLocale()) as Locale];
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("servicesTitle")}</h1>
      {withServices.length === 0 && <p className="text-slate-600">{t("noServices")}</p>}
      {withServices.map(({ org, services, credit }) => (
        <Section key={org.id} id={`org-${org.id}`} title={org.name}>
          <p className="text-sm text-slate-600">
            {org.edition === "free"
              ? t("editionFree")
              : t("edition", { edition: nameOf(catalog, org.edition, locale), seats: org.seats ?? 0 })}{" "}
            · {t("phoneCredit", { amount: formatMoney(credit) })}
          </p>
          {services.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("noServices")}</p>
          ) : (
            <table className="mt-3 w-full text-left text-sm">
              <thead>
                <tr className="text-slate-600">
                  <th scope="col" className="py-1">
                    {t("colItem")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("colQuantity")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("colStarts")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("colExpires")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("colUnitPrice")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100">
                    <th scope="row" className="py-1 font-medium">
                      {nameOf(catalog, s.sku, locale)}
                    </th>
                    <td className="py-1 text-right tabular-nums">{s.quantity}</td>
                    <td className="py-1">{day(s.startsAt)}</td>
                    <td className="py-1" data-testid={`expires-${s.sku}`}>
                      {day(s.expiresAt)}
                    </td>
                    <td className="py-1 text-right tabular-nums">{formatMoney(s.unitPrice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      ))}
    </div>
  );
}
