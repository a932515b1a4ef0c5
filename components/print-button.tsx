"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print stylesheet turns it into a receipt. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="no-print text-sm" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
