import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { catalog } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listLeads } from "@/lib/db/queries/leads";
import { interestLabel } from "@/lib/validations/contact-sales";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Operator.leads");
  return { title: t("metaTitle"), robots: { index: false } };
}

const LIMIT = 200;

/** Contact-sales leads for operators, newest first. */
export default async function LeadsPage() {
  await requireRole("operator", "/operator/leads");
  const leads = await listLeads(await getDb(), { limit: LIMIT });
  const locale = await getLocale();
  const t = await getTranslations("Operator.leads");
  const other = (await getTranslations("ContactSales.interests"))("other");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro", { limit: LIMIT })} />
      <DataTable
        responsive="cards"
        caption={t("caption")}
        empty={t("empty")}
        isEmpty={leads.length === 0}
        minWidth="min-w-[56rem]"
        columns={(["time", "organisation", "contact", "interest", "seats", "status", "message"] as const).map((c) => ({
          key: c,
          label: t(`columns.${c}`),
          ...(c === "seats" ? { align: "right" as const } : {}),
        }))}
      >
        {leads.map((lead) => (
          <tr key={lead.id}>
            <Td className="whitespace-nowrap tabular-nums">
              <time dateTime={lead.createdAt.toISOString()}>
                {format.dateTime(lead.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </Td>
            <RowHeader>{lead.organisationName}</RowHeader>
            <Td>
              <div>{lead.contactName}</div>
              <div className="tabular-nums text-slate-600">{lead.mobile}</div>
              <a href={`mailto:${lead.email}`} className="text-brand-700 underline">
                {lead.email}
              </a>
            </Td>
            <Td>
              {interestLabel(catalog, lead.interest, locale, other)}
              <div className="text-xs text-slate-500">{t(`language.${lead.locale === "en" ? "en" : "zh-CN"}`)}</div>
            </Td>
            <Td align="right">{lead.seats === null ? t("noValue") : format.number(lead.seats)}</Td>
            <Td>
              <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{t(`status.${lead.status}`)}</span>
            </Td>
            <Td className="max-w-xs whitespace-pre-line break-words text-slate-700">{lead.message ?? t("noValue")}</Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
