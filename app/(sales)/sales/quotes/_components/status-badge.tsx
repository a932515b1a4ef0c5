import type { QuoteStatus } from "@/lib/db/schema";

const STYLES: Record<QuoteStatus, { className: string; mark: string }> = {
  draft: { className: "bg-slate-100 text-slate-800", mark: "○" },
  pending_approval: { className: "bg-amber-100 text-amber-900", mark: "◔" },
  sent: { className: "bg-sky-100 text-sky-900", mark: "→" },
  opened: { className: "bg-indigo-100 text-indigo-900", mark: "◉" },
  converted: { className: "bg-emerald-100 text-emerald-900", mark: "✓" },
  expired: { className: "bg-slate-200 text-slate-800", mark: "⌛" },
  revoked: { className: "bg-red-100 text-red-900", mark: "✕" },
};

/** A quote's status as a pill: the label carries the meaning, colour and mark only reinforce it. */
export function QuoteStatusBadge({ status, label }: { status: QuoteStatus; label: string }) {
  const { className, mark } = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${className}`}
      data-status={status}
    >
      <span aria-hidden="true">{mark}</span>
      {label}
    </span>
  );
}
