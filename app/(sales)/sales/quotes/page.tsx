import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listQuotesForStaff } from "@/lib/quotes/staff-view";
import { findUserById } from "@/lib/db/queries/users";
import { formatMoney } from "@/lib/money";
import { formatPercent } from "@/lib/quotes/history";
import { catalogLoader, priceStoredQuote } from "@/lib/quotes/staff-view";
import { QuoteStatusBadge } from "./_components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { QuoteNumberLink } from "@/components/quote-number-link";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("QuoteAdmin.list");
  return { title: t("metaTitle"), robots: { index: false } };
}

const LIMIT = 200;

/** A salesperson's quotes (an operator's view: everyone's), each priced from its stored terms. */
export default async function QuotesPage() {
  const user = await requireRole(["sales", "operator"], "/sales/quotes");
  const operator = user.role === "operator";
  const db = await getDb();
  const locale = await getLocale();
  const rows = await listQuotesForStaff(db, { userId: operator ? undefined : user.id, now: await requestNow(), limit: LIMIT });
  const load = catalogLoader(db);
  const totals = await Promise.all(rows.map(async (q) => (await priceStoredQuote(db, q, locale, load))?.result.total));
  const sellers = operator
    ? new Map(
        await Promise.all([...new Set(rows.map((q) => q.createdBy))].map(async (id) => [id, await findUserById(db, { id })] as const)),
      )
    : undefined;
  const [t, tStatus, format] = [await getTranslations("QuoteAdmin.list"), await getTranslations("Quotes.status"), await getFormatter()];
  const columns = (
    ["number", "customer", ...(operator ? (["seller"] as const) : []), "total", "discount", "status", "expires", "updated"] as const
  ).map((c) => ({
    key: c,
    label: t(`columns.${c}`),
    align: c === "total" || c === "discount" ? ("right" as const) : undefined,
  }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={t("title")} intro={operator ? t("introOperator") : t("intro")} />
        <Link href="/sales/quotes/new" className={buttonVariants({ className: "no-print" })}>
          {t("newQuote")}
        </Link>
      </div>
      <DataTable
        responsive="cards"
        caption={t("caption", { limit: LIMIT })}
        empty={t("empty")}
        isEmpty={rows.length === 0}
        minWidth="min-w-[60rem]"
        columns={columns}
      >
        {rows.map((q, i) => {
          const total = totals[i];
          const seller = sellers?.get(q.createdBy);
          return (
            <tr key={q.id}>
              <RowHeader>
                <QuoteNumberLink id={q.id} number={q.number} />
                {q.currentVersion > 1 && (
                  <span className="block text-xs font-normal text-slate-600">{t("version", { version: q.currentVersion })}</span>
                )}
              </RowHeader>
              <Td>{q.customerName}</Td>
              {operator && <Td>{seller?.name ?? q.createdBy}</Td>}
              <Td align="right">{total !== undefined ? formatMoney(total) : t("catalogGone")}</Td>
              <Td align="right">{t("percent", { value: formatPercent(q.discountPercent) })}</Td>
              <Td>
                <QuoteStatusBadge status={q.status} label={tStatus(q.status)} />
              </Td>
              <Td className="whitespace-nowrap tabular-nums">
                <time dateTime={q.expiresAt.toISOString()}>{format.dateTime(q.expiresAt, { dateStyle: "medium" })}</time>
              </Td>
              <Td className="whitespace-nowrap tabular-nums">
                <time dateTime={q.updatedAt.toISOString()}>
                  {format.dateTime(q.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </Td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
