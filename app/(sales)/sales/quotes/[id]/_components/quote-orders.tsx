import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { QuoteOrder } from "@/lib/db/queries/quote-orders";
import { formatMoney } from "@/lib/money";

/** The orders a quote became, newest first (the order pages themselves are the buyer's). */
export async function QuoteOrders({ orders, number }: { orders: QuoteOrder[]; number: string }) {
  const [t, tOrder, format] = [await getTranslations("QuoteAdmin.detail"), await getTranslations("Order.status"), await getFormatter()];
  const td = "px-3 py-2 align-top";
  const columns = (["number", "status", "total", "placed"] as const).map((c) => ({
    key: c,
    label: t(`orderColumns.${c}`),
    align: c === "total" ? ("right" as const) : undefined,
  }));
  return (
    <Section id="quote-orders" title={t("orders")}>
      <div className="mt-3">
        <DataTable caption={t("ordersCaption", { number })} empty="" isEmpty={false} minWidth="min-w-[32rem]" columns={columns}>
          {orders.map((o) => (
            <tr key={o.id}>
              <th scope="row" className={`${td} text-left font-mono font-medium`}>
                {o.number}
              </th>
              <td className={td}>{tOrder(o.status)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(o.total)}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <time dateTime={o.createdAt.toISOString()}>
                  {format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Section>
  );
}
