// Calendar arithmetic shared by fulfilment and the change quotes; pure, so the browser's preview uses it too.

/** Adds calendar months in UTC; a day missing from the target month clamps to its last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

const DAY_MS = 86_400_000;

/** Charged days from `from` to `to` (PRODUCT.md §6.1): ceil(seconds ÷ 86,400); a started day counts. 0 when `to` is not later. */
export function chargedDays(from: Date, to: Date): number {
  const ms = to.getTime() - from.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** A day as the console and formulas write it: YYYY-MM-DD in China's time zone (UTC+8, no daylight saving). */
export function chinaDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
