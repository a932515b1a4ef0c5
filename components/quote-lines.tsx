import { useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { PriceResult } from "@/lib/pricing/types";

/**
 * A priced quote as a table: every line with its formula, the subtotal, the quote discount (and
 * any other adjustment) as its own line, and the total. Used by the buyer's page, the staff
 * pages and the print view alike.
 */
export function QuoteLines({ result, caption }: { result: PriceResult; caption: string }) {
  const t = useTranslations("Quotes.lines");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 font-medium">
            {t("item")}
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            {t("amount")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {result.lines.map((line) => (
          <tr key={`${line.sku}-${line.index ?? "seats"}`}>
            <td className="py-2">
              <span className="font-medium">{line.name}</span>
              <span className="block text-xs text-slate-600 tabular-nums">{line.formula}</span>
            </td>
            <td className="py-2 text-right align-top tabular-nums">{formatMoney(line.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200">
          <th scope="row" className="pt-3 text-left font-medium">
            {t("subtotal")}
          </th>
          <td className="pt-3 text-right tabular-nums">{formatMoney(result.subtotal)}</td>
        </tr>
        {result.adjustments.map((a) => (
          <tr key={`${a.kind}-${a.code}`}>
            <th scope="row" className="py-1 text-left font-normal">
              {a.label}
              <span className="block text-xs text-slate-600 tabular-nums">{a.formula}</span>
            </th>
            <td className="py-1 text-right align-top tabular-nums">{formatMoney(a.amount)}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-200 text-lg font-semibold">
          <th scope="row" className="pt-3 text-left">
            {t("total")}
          </th>
          <td className="pt-3 text-right tabular-nums" data-testid="quote-total">
            {formatMoney(result.total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
