import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { listVouchers } from "@/lib/db/queries/vouchers";
import { requestNow } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { voucherUsability } from "@/lib/vouchers";
import { CreateVoucherForm } from "./_components/create-voucher-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Vouchers");
  return { title: t("metaTitle"), robots: { index: false } };
}

const LIMIT = 200;

/** Operators issue vouchers and see each one's status: unused, redeemed by which order, or expired. */
export default async function VouchersPage() {
  await requireRole("operator", "/operator/vouchers");
  const rows = await listVouchers(await getDb(), { limit: LIMIT });
  const t = await getTranslations("Vouchers");
  const format = await getFormatter();
  const now = await requestNow();
  return (
    <ClientMessages namespaces={["Vouchers"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <CreateVoucherForm />
        <section aria-labelledby="vouchers-list" className="space-y-3">
          <h2 id="vouchers-list" className="text-xl font-semibold">
            {t("list.title")}
          </h2>
          <DataTable
            responsive="cards"
            caption={t("list.caption")}
            empty={t("list.empty")}
            isEmpty={rows.length === 0}
            minWidth="min-w-[48rem]"
            columns={(["code", "terms", "singleUse", "expires", "status", "created"] as const).map((c) => ({
              key: c,
              label: t(`list.columns.${c}`),
            }))}
          >
            {rows.map(({ voucher: v, orderNumber }) => {
              const usable = voucherUsability(v, now);
              const terms =
                v.kind === "percent"
                  ? t("list.percentOff", { percent: v.percent ?? 0 })
                  : t("list.cashOff", { amount: formatMoney(v.amount ?? "0") });
              return (
                <tr key={v.code}>
                  <RowHeader className="font-mono">{v.code}</RowHeader>
                  <Td>
                    {terms}
                    {v.minimumSpend !== null && (
                      <span className="block text-xs text-slate-600">{t("list.minimum", { amount: formatMoney(v.minimumSpend) })}</span>
                    )}
                  </Td>
                  <Td>{v.singleUse ? t("list.single") : t("list.multi")}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {v.expiresAt ? (
                      <time dateTime={v.expiresAt.toISOString()}>
                        {format.dateTime(v.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    ) : (
                      t("list.never")
                    )}
                  </Td>
                  <Td>
                    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                      {usable.ok
                        ? t("list.status.unused")
                        : usable.error === "VOUCHER_USED"
                          ? t("list.status.redeemed", { number: orderNumber ?? usable.redeemedOrderId })
                          : t("list.status.expired")}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    <time dateTime={v.createdAt.toISOString()}>
                      {format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        </section>
      </div>
    </ClientMessages>
  );
}
