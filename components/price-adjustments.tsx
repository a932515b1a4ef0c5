import { formatMoney } from "@/lib/money";
import type { PriceResult } from "@/lib/pricing/types";

/** The subtotal and each adjustment (a voucher, a quote discount) with its formula, before the total. */
export function PriceAdjustments({
  result,
  subtotalLabel,
  className = "",
}: {
  result: PriceResult;
  subtotalLabel: string;
  className?: string;
}) {
  if (result.adjustments.length === 0) return null;
  return (
    <dl className={`space-y-1 border-t border-slate-200 text-sm ${className}`}>
      <div className="flex justify-between">
        <dt>{subtotalLabel}</dt>
        <dd className="tabular-nums">{formatMoney(result.subtotal)}</dd>
      </div>
      {result.adjustments.map((a) => (
        <div key={`${a.kind}-${a.code}`} className="flex justify-between gap-4">
          <dt>
            {a.label}
            <span className="block text-xs text-slate-600 tabular-nums">{a.formula}</span>
          </dt>
          <dd className="tabular-nums">{formatMoney(a.amount)}</dd>
        </div>
      ))}
    </dl>
  );
}
