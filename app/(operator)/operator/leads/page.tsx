import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { DataTable } from "@/components/ui/data-table";
import { catalog, type Locale } from "@/lib/catalog";
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
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("Operator.leads");
  const other = (await getTranslations("ContactSales.interests"))("other");
  const format = await getFormatter();
  const td = "px-3 py-2 align-top";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro", { limit: LIMIT })} />
      <DataTable
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
            <td className={`${td} whitespace-nowrap tabular-nums`}>
              <time dateTime={lead.createdAt.toISOString()}>
                {format.dateTime(lead.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </td>
            <th scope="row" className={`${td} text-left font-medium`}>
              {lead.organisationName}
            </th>
            <td className={td}>
              <div>{lead.contactName}</div>
              <div className="tabular-nums text-slate-600">{lead.mobile}</div>
              <a href={`mailto:${lead.email}`} className="text-brand-700 underline">
                {lead.email}
              </a>
            </td>
            <td className={td}>
              {interestLabel(catalog, lead.interest, locale, other)}
              <div className="text-xs text-slate-500">{t(`language.${lead.locale === "en" ? "en" : "zh-CN"}`)}</div>
            </td>
            <td className={`${td} text-right tabular-nums`}>{lead.seats === null ? t("noValue") : format.number(lead.seats)}</td>
            <td className={td}>
              <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{t(`status.${lead.status}`)}</span>
            </td>
            <td className={`${td} max-w-xs whitespace-pre-line break-words text-slate-700`}>{lead.message ?? t("noValue")}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
