import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listOrderSummariesForUser } from "@/lib/db/queries/orders";
import { BADGE_TONE, orderBadge } from "@/lib/orders/display";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { hasReceipt } from "@/lib/receipts/receipt";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";

export default async function OrdersPage() {
  const user = await requireUser("/console/orders");
  const orders = await listOrderSummariesForUser(await getDb(), { userId: user.id });
  const [t, tState, tReceipt, format, locale] = [
    await getTranslations("Console"),
    await getTranslations("OrderStates"),
    await getTranslations("Receipt"),
    await getFormatter(),
    await getLocale(),
  ];
  const columns = [
    ...(["Number", "Date", "Edition", "Total", "Status"] as const).map((c) => ({
      key: c,
      label: t(`col${c}`),
      align: c === "Total" ? ("right" as const) : undefined,
    })),
    { key: "Receipt", label: tReceipt("colReceipt") },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("ordersTitle")}</h1>
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("noOrders")}</p>
      ) : (
        <DataTable caption={t("ordersTitle")} columns={columns} responsive="cards">
          {orders.map(({ order: o, ...state }) => (
            <tr key={o.id}>
              <RowHeader>
                <Link href={`/orders/${o.id}`} className="text-brand-700 underline">
                  <Nowrap>{o.number}</Nowrap>
                </Link>
              </RowHeader>
              <Td>
                <Nowrap>{format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Nowrap>
              </Td>
              <Td>{nameOf(catalog, o.edition, locale)}</Td>
              <Td align="right">
                <Nowrap>{formatMoney(o.total)}</Nowrap>
              </Td>
              <Td>
                <StatusBadge tone={BADGE_TONE[orderBadge({ order: o, ...state })]}>
                  {tState(`badge.${orderBadge({ order: o, ...state })}`)}
                </StatusBadge>
              </Td>
              <Td>
                {hasReceipt(o) ? (
                  <a href={`/orders/${o.id}/receipt/pdf`} download className="whitespace-nowrap text-brand-700 underline">
                    PDF<span className="sr-only"> {tReceipt("downloadFor", { number: o.number })}</span>
                  </a>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
