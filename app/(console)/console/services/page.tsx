import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listOrganisations } from "@/lib/db/queries/organisations";
import { getServices, phoneCreditBalance } from "@/lib/db/queries/services";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";
import { Section } from "@/components/ui/section";
import { RefundLink } from "@/components/refunds/refund-link";

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
  const [t, format, locale] = [await getTranslations("Console"), await getFormatter(), await getLocale()];
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const columns = (["Item", "Quantity", "Starts", "Expires", "UnitPrice"] as const).map((c) => ({
    key: c,
    label: t(`col${c}`),
    align: c === "Quantity" || c === "UnitPrice" ? ("right" as const) : undefined,
  }));
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
            <div className="mt-3">
              <DataTable columns={columns} framed={false} responsive="cards" caption={t("servicesCaption", { organisation: org.name })}>
                {services.map((s) => (
                  <tr key={s.id}>
                    <RowHeader>
                      {nameOf(catalog, s.sku, locale)} <RefundLink orderId={s.sourceOrderId} item={nameOf(catalog, s.sku, locale)} />
                    </RowHeader>
                    <Td align="right">{s.quantity}</Td>
                    <Td>
                      <Nowrap>{day(s.startsAt)}</Nowrap>
                    </Td>
                    <Td>
                      <Nowrap data-testid={`expires-${s.sku}`}>{day(s.expiresAt)}</Nowrap>
                    </Td>
                    <Td align="right">
                      <Nowrap>{formatMoney(s.unitPrice)}</Nowrap>
                    </Td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
        </Section>
      ))}
    </div>
  );
}
