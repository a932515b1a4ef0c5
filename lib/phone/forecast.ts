const DAY = 86_400_000;

/** One day's call spend in fen (positive), keyed by its UTC+8 calendar day "YYYY-MM-DD". */
export interface DailySpend {
  day: string;
  fen: number;
}

export type Runway = { kind: "none" } | { kind: "empty" } | { kind: "days"; days: number; until: Date; averageFen: number };

/**
 * The runway forecast: balance ÷ average daily call spend, using the higher of the last 7 and
 * last 30 days' averages (the cautious one), both over calendar days ending yesterday-or-today
 * at `now`. No spend in 30 days: no forecast. Balance at or below zero: empty.
 */
export function runway(balanceFen: number, spend: readonly DailySpend[], now: Date): Runway {
  if (balanceFen <= 0) return { kind: "empty" };
  const today = dayKey(now);
  const since = (days: number) => dayKey(new Date(now.getTime() - (days - 1) * DAY));
  const total = (days: number) => spend.filter((s) => s.day >= since(days) && s.day <= today).reduce((a, s) => a + s.fen, 0);
  const averageFen = Math.max(total(7) / 7, total(30) / 30);
  if (averageFen <= 0) return { kind: "none" };
  const days = Math.floor(balanceFen / averageFen);
  return { kind: "days", days, until: new Date(now.getTime() + days * DAY), averageFen: Math.round(averageFen) };
}

/** The calendar day of an instant in China time (UTC+8, no daylight saving), "YYYY-MM-DD". */
export function dayKey(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
