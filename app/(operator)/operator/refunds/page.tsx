import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listRefundsWithOrders } from "@/lib/db/queries/refunds";
import { formatMoney } from "@/lib/money";
import { GoodwillForm } from "./_components/goodwill-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RefundsAdmin");
  return { title: t("title"), robots: { index: false } };
}

/** Every refund and its state (the buyer's by the rule, an operator's goodwill), newest first; and the goodwill refund form. */
export default async function OperatorRefundsPage() {
  await requireRole("operator", "/operator/refunds");
  const listed = await listRefundsWithOrders(await getDb());
  const [t, tState, format] = [await getTranslations("RefundsAdmin"), await getTranslations("Refunds"), await getFormatter()];
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const columns = (["order", "kind", "status", "amount", "paid", "reason", "requested", "stop"] as const).map((c) => ({
    key: c,
    label: t(`columns.${c}`),
    align: c === "amount" || c === "paid" ? ("right" as const) : undefined,
  }));
  return (
    <ClientMessages namespaces={["RefundsAdmin.goodwill"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <DataTable
          responsive="cards"
          caption={t("caption")}
          empty={t("empty")}
          isEmpty={listed.length === 0}
          minWidth="min-w-[60rem]"
          columns={columns}
        >
          {listed.map(({ refund, orderNumber }) => (
            <tr key={refund.id} data-testid={`refund-${orderNumber}`}>
              <RowHeader>
                <span className="tabular-nums">{orderNumber}</span>
              </RowHeader>
              <Td>{t(`kinds.${refund.kind}`)}</Td>
              <Td>{t(`statuses.${refund.status}`)}</Td>
              <Td align="right" className="tabular-nums">
                {formatMoney(refund.amount)}
              </Td>
              <Td align="right" className="tabular-nums">
                {formatMoney(refund.paid)}
              </Td>
              <Td>
                {refund.kind === "self_serve" ? tState(`form.reasons.${refund.reason as "other"}`) : refund.reason}
                {refund.note && <span className="block text-xs text-slate-600">{refund.note}</span>}
              </Td>
              <Td className="whitespace-nowrap tabular-nums">{time(refund.createdAt)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{refund.stopAt ? time(refund.stopAt) : t("noStop")}</Td>
            </tr>
          ))}
        </DataTable>
        <Section id="goodwill" title={t("goodwill.title")}>
          <p className="mt-1 text-sm text-slate-600">{t("goodwill.intro")}</p>
          <GoodwillForm />
        </Section>
      </div>
    </ClientMessages>
  );
}
