import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listOrdersForUser } from "@/lib/db/queries/orders";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";

export default async function OrdersPage() {
  const user = await requireUser("/console/orders");
  const orders = await listOrdersForUser(await getDb(), { userId: user.id });
  const [t, tOrder, format, locale] = [
    await getTranslations("Console"),
    await getTranslations("Order"),
    await getFormatter(),
    await getLocale(),
  ];
  const columns = (["Number", "Date", "Edition", "Total", "Status"] as const).map((c) => ({
    key: c,
    label: t(`col${c}`),
    align: c === "Total" ? ("right" as const) : undefined,
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("ordersTitle")}</h1>
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("noOrders")}</p>
      ) : (
        <DataTable caption={t("ordersTitle")} columns={columns} responsive="cards">
          {orders.map((o) => (
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
              <Td>{tOrder(`status.${o.status}`)}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
