import type { PhoneCreditEntryRow } from "@/lib/db/schema";
import type { Messages } from "@/lib/i18n/messages";
import { rateText } from "./rating";

/** Midnight China time (UTC+8) of a "YYYY-MM-DD" day, plus `addDays`. */
export function chinaDayStart(day: string, addDays: number): Date {
  const at = new Date(`${day}T00:00:00+08:00`);
  return new Date(at.getTime() + addDays * 86_400_000);
}

/** One ledger line as CSV cells (not yet quoted): when (China time, ISO-like), entry, amount, call id, kind, country, minutes, rate, note. */
export function ledgerCsvRow(r: PhoneCreditEntryRow, m: Messages["Phone"]): string[] {
  const local = new Date(r.createdAt.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
  return [
    `${local} +08:00`,
    m.entry[r.kind],
    r.amount,
    r.callId ?? "",
    r.callKind ? (m.kinds[r.callKind as keyof Messages["Phone"]["kinds"]] ?? r.callKind) : "",
    r.country ?? "",
    r.minutes === null ? "" : String(r.minutes),
    r.rate ? rateText(r.rate) : "",
    r.note ?? "",
  ];
}
