import type { Locale } from "@/lib/catalog/ids";

/** A receipt's date and time: China time, in the reader's language; the same on the page and in the PDF. */
export const receiptTime = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }).format(date);
