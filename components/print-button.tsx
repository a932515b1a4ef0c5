"use client";

/** Opens the browser's print dialog; the page's print stylesheet turns it into a receipt. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm">
      {label}
    </button>
  );
}
