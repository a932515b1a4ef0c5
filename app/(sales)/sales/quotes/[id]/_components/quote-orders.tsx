import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { QuoteOrder } from "@/lib/db/queries/quote-orders";
import { formatMoney } from "@/lib/money";

/** The orders a quote became, newest first (the order pages themselves are the buyer's). */
export async function QuoteOrders({ orders, number }: { orders: QuoteOrder[]; number: string }) {
  const [t, tOrder, format] = [await getTranslations("QuoteAdmin.detail"), await getTranslations("Order.status"), await getFormatter()];
  const columns = (["number", "status", "total", "placed"] as const).map((c) => ({
    key: c,
    label: t(`orderColumns.${c}`),
    align: c === "total" ? ("right" as const) : undefined,
  }));
  return (
    <Section id="quote-orders" title={t("orders")}>
      <div className="mt-3">
        <DataTable responsive="cards" caption={t("ordersCaption", { number })} columns={columns}>
          {orders.map((o) => (
            <tr key={o.id}>
              <RowHeader className="font-mono">{o.number}</RowHeader>
              <Td>{tOrder(o.status)}</Td>
              <Td align="right">{formatMoney(o.total)}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                <time dateTime={o.createdAt.toISOString()}>
                  {format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </Td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Section>
  );
}
