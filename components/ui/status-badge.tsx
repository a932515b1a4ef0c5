import { cva } from "class-variance-authority";
import type { BadgeTone } from "@/lib/orders/display";

/** Each tone differs in colour and border, so states stay distinct for a reader who cannot tell the colours apart too. */
export const statusBadgeVariants = cva("inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap", {
  variants: {
    tone: {
      waiting: "bg-amber-100 text-amber-900",
      ready: "bg-brand-50 text-brand-800 ring-1 ring-brand-700",
      danger: "bg-red-100 text-red-900 ring-1 ring-red-300",
      success: "bg-emerald-100 text-emerald-900",
      neutral: "bg-slate-200 text-slate-800",
      muted: "border border-dashed border-slate-400 bg-white text-slate-700",
    },
  },
  defaultVariants: { tone: "neutral" },
});

/** A status shown as a pill; `label` names the status (for an accessible name beyond the colour). */
export function StatusBadge({ tone, children, testId }: { tone: BadgeTone; children: React.ReactNode; testId?: string }) {
  return (
    <span className={statusBadgeVariants({ tone })} data-testid={testId} data-tone={tone}>
      {children}
    </span>
  );
}
