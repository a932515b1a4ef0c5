"use client";

import { createContext, use, useState } from "react";

export type Notice = { text: string; error: boolean };
const AnnounceContext = createContext<(notice: Notice) => void>(() => {});

/**
 * Holds the latest row action's confirmation above a list. A decided or refunded row leaves the list
 * when the page refreshes, taking its buttons with it; the message must outlive the row.
 */
export function RowAnnouncer({ children }: { children: React.ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <AnnounceContext value={setNotice}>
      <p role="status" className={`text-sm font-medium ${notice?.error ? "text-red-700" : "text-emerald-800"}`}>
        {notice?.text}
      </p>
      {children}
    </AnnounceContext>
  );
}

/** Announces a notice in the nearest RowAnnouncer. */
export const useAnnounce = () => use(AnnounceContext);
