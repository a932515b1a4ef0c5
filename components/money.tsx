import { formatMoney } from "@/lib/money";

/** Money as text, the one way the app prints it. */
export function Money({ amount, compact, className }: { amount: string; compact?: boolean; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatMoney(amount, { compact })}</span>;
}
