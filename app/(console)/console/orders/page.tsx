import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog, type Locale } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listOrdersForUser } from "@/lib/db/queries/orders";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { hasReceipt } from "@/lib/receipts/receipt";

export default async function OrdersPage() {
  const user = await requireUser("/console/orders");
  const orders = await listOrdersForUser(await getDb(), { userId: user.id });
  const [t, tOrder, tReceipt, format, locale] = [
    await getTranslations("Console"),
    await getTranslations("Order"),
    await getTranslations("Receipt"),
    await getFormatter(),
    (await getLocale()) as Locale,
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("ordersTitle")}</h1>
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("noOrders")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("colNumber")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colDate")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colEdition")}
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  {t("colTotal")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colStatus")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {tReceipt("colReceipt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-slate-100">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/orders/${o.id}`} className="text-brand-700 underline">
                      {o.number}
                    </Link>
                  </th>
                  <td className="px-4 py-2">{format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-4 py-2">{nameOf(catalog, o.edition, locale)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.total)}</td>
                  <td className="px-4 py-2">{tOrder(`status.${o.status}`)}</td>
                  <td className="px-4 py-2">
                    {hasReceipt(o) ? (
                      <a href={`/orders/${o.id}/receipt/pdf`} download className="whitespace-nowrap text-brand-700 underline">
                        PDF<span className="sr-only"> {tReceipt("downloadFor", { number: o.number })}</span>
                      </a>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
