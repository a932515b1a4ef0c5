import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { refundPaymentAction } from "@/lib/actions/refund-payment";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPaymentsNeedingAttention } from "@/lib/db/queries/payments";
import { formatMoney } from "@/lib/money";
import { RefundAnnouncer, RefundButton } from "./_components/refund-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PaymentsAttention");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Payments needing attention (a wrong amount, or money for a cancelled order): order, expected and received amount; refund each. */
export default async function PaymentsAttentionPage() {
  await requireRole("operator", "/operator/payments");
  const listed = await listPaymentsNeedingAttention(await getDb());
  const t = await getTranslations("PaymentsAttention");
  const format = await getFormatter();
  const columns = (["order", "payment", "expected", "received", "reason", "time", "actions"] as const).map((c) => ({
    key: c,
    label: t(`columns.${c}`),
    align: c === "expected" || c === "received" ? ("right" as const) : undefined,
  }));
  return (
    <ClientMessages namespaces={["PaymentsAttention"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <RefundAnnouncer>
          <DataTable
            responsive="cards"
            caption={t("caption")}
            empty={t("empty")}
            isEmpty={listed.length === 0}
            minWidth="min-w-[60rem]"
            columns={columns}
          >
            {listed.map((p) => (
              <tr key={`${p.provider}:${p.paymentRef}`}>
                <RowHeader>
                  <span className="tabular-nums">{p.orderNumber}</span>
                </RowHeader>
                <Td>
                  <span className="break-all font-mono text-xs text-slate-700">{p.paymentRef}</span>
                </Td>
                <Td align="right" className="tabular-nums">
                  {formatMoney(p.expected)}
                </Td>
                <Td align="right" className="tabular-nums font-semibold text-red-800">
                  {formatMoney(p.received)}
                </Td>
                <Td>{t(`reasons.${p.reason}`)}</Td>
                <Td className="whitespace-nowrap tabular-nums">
                  <time dateTime={p.updatedAt.toISOString()}>
                    {format.dateTime(p.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </Td>
                <Td>
                  <RefundButton
                    number={p.orderNumber}
                    amount={formatMoney(p.received)}
                    refund={refundPaymentAction.bind(null, { provider: p.provider, paymentRef: p.paymentRef })}
                  />
                </Td>
              </tr>
            ))}
          </DataTable>
        </RefundAnnouncer>
      </div>
    </ClientMessages>
  );
}
