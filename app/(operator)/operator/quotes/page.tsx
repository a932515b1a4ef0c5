import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { approveQuoteAction } from "@/lib/actions/approve-quote";
import { rejectQuoteAction } from "@/lib/actions/reject-quote";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listQuotesPendingApproval } from "@/lib/db/queries/quotes";
import { findUserById } from "@/lib/db/queries/users";
import { formatMoney } from "@/lib/money";
import { formatPercent } from "@/lib/quotes/history";
import { approvalReasons, type ApprovalReason } from "@/lib/quotes/approval";
import { catalogLoader, priceStoredQuote } from "@/lib/quotes/staff-view";
import { ApprovalActions, DecisionAnnouncer } from "./_components/approval-actions";
import { PageHeader } from "@/components/ui/page-header";
import { QuoteNumberLink } from "@/components/quote-number-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("QuoteAdmin.approvals");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Quotes waiting for an operator: who asked, for whom, how far past the rep's limit; approve or reject. */
export default async function QuoteApprovalsPage() {
  await requireRole("operator", "/operator/quotes");
  const db = await getDb();
  const locale = await getLocale();
  const pending = await listQuotesPendingApproval(db);
  const load = catalogLoader(db);
  const [totals, reps] = await Promise.all([
    Promise.all(pending.map(async (q) => (await priceStoredQuote(db, q, locale, load))?.result.total)),
    Promise.all([...new Set(pending.map((q) => q.createdBy))].map(async (id) => [id, await findUserById(db, { id })] as const)).then(
      (entries) => new Map(entries),
    ),
  ]);
  const t = await getTranslations("QuoteAdmin");
  const reason = (r: ApprovalReason) =>
    r.kind === "discountAboveLimit"
      ? t("approvals.reasons.discountAboveLimit", { discount: r.discount, limit: r.limit })
      : t("approvals.reasons.negotiatedSeatPrice", { price: formatMoney(r.price) });
  const columns = (["number", "seller", "customer", "discount", "negotiatedSeatPrice", "total", "reason", "actions"] as const).map((c) => ({
    key: c,
    label: t(`approvals.columns.${c}`),
    align: c === "discount" || c === "negotiatedSeatPrice" || c === "total" ? ("right" as const) : undefined,
  }));
  return (
    <ClientMessages namespaces={["QuoteAdmin"]}>
      <div className="space-y-6">
        <PageHeader title={t("approvals.title")} intro={t("approvals.intro")} />
        <section aria-labelledby="approvals-pending" className="space-y-3">
          <h2 id="approvals-pending" className="text-xl font-semibold">
            {t("approvals.pending", { count: pending.length })}
          </h2>
          <DecisionAnnouncer>
            <DataTable
              responsive="cards"
              caption={t("approvals.caption")}
              empty={t("approvals.empty")}
              isEmpty={pending.length === 0}
              minWidth="min-w-[64rem]"
              columns={columns}
            >
              {pending.map((q, i) => {
                const rep = reps.get(q.createdBy);
                const reasons = rep ? approvalReasons({ ...q, repLimitPercent: rep.discountLimitPercent }) : [];
                const total = totals[i];
                return (
                  <tr key={q.id}>
                    <RowHeader>
                      <QuoteNumberLink id={q.id} number={q.number} />
                    </RowHeader>
                    <Td>
                      {rep?.name ?? t("approvals.unknownSeller")}
                      {rep && (
                        <span className="block text-xs text-slate-600">{t("approvals.limit", { limit: rep.discountLimitPercent })}</span>
                      )}
                    </Td>
                    <Td>{q.customerName}</Td>
                    <Td align="right">{t("list.percent", { value: formatPercent(q.discountPercent) })}</Td>
                    <Td align="right">{q.negotiatedSeatPrice !== null ? formatMoney(q.negotiatedSeatPrice) : t("noValue")}</Td>
                    <Td align="right">{total !== undefined ? formatMoney(total) : t("list.catalogGone")}</Td>
                    <Td>
                      {reasons.length > 0 ? (
                        <ul className="space-y-1">
                          {reasons.map((r) => (
                            <li key={r.kind}>{reason(r)}</li>
                          ))}
                        </ul>
                      ) : (
                        t("approvals.reasons.none")
                      )}
                    </Td>
                    <Td>
                      <ApprovalActions
                        number={q.number}
                        approve={approveQuoteAction.bind(null, { quoteId: q.id, version: q.currentVersion })}
                        reject={rejectQuoteAction.bind(null, { quoteId: q.id, version: q.currentVersion })}
                      />
                    </Td>
                  </tr>
                );
              })}
            </DataTable>
          </DecisionAnnouncer>
        </section>
      </div>
    </ClientMessages>
  );
}
