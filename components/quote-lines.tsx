import { useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { PriceResult } from "@/lib/pricing/types";
import { DataTable, RowHeader, Td } from "./ui/data-table";

/**
 * A priced quote as a table: every line with its formula, the subtotal, the quote discount (and
 * any other adjustment) as its own line, and the total. Used by the buyer's page, the staff
 * pages and the print view alike.
 */
export function QuoteLines({ result, caption }: { result: PriceResult; caption: string }) {
  const t = useTranslations("Quotes.lines");
  const columns = [
    { key: "item", label: t("item") },
    { key: "amount", label: t("amount"), align: "right" as const },
  ];
  const footer = (
    <>
      <tr>
        <RowHeader className="pt-3">{t("subtotal")}</RowHeader>
        <Td align="right" className="pt-3">
          {formatMoney(result.subtotal)}
        </Td>
      </tr>
      {result.adjustments.map((a) => (
        <tr key={`${a.kind}-${a.code}`}>
          <th scope="row" className="px-3 py-1 text-left align-top font-normal">
            {a.label}
            <span className="block text-xs text-slate-600 tabular-nums">{a.formula}</span>
          </th>
          <td className="px-3 py-1 text-right align-top tabular-nums">{formatMoney(a.amount)}</td>
        </tr>
      ))}
      <tr className="border-t border-slate-200 text-lg font-semibold">
        <th scope="row" className="px-3 pt-3 pb-2 text-left">
          {t("total")}
        </th>
        <Td align="right" className="pt-3" data-testid="quote-total">
          {formatMoney(result.total)}
        </Td>
      </tr>
    </>
  );
  return (
    <DataTable caption={caption} columns={columns} framed={false} footer={footer}>
      {result.lines.map((line) => (
        <tr key={`${line.sku}-${line.index ?? "seats"}`}>
          <Td>
            <span className="font-medium">{line.name}</span>
            <span className="block text-xs text-slate-600 tabular-nums">{line.formula}</span>
          </Td>
          <Td align="right">{formatMoney(line.amount)}</Td>
        </tr>
      ))}
    </DataTable>
  );
}
