/** The renewal reminders before the seats expire (PRODUCT.md §6.2): 30, 7 and 1 days. */
export const REMINDER_DAYS = [30, 7, 1] as const;

/** The reminder in force with `daysLeft` charged days to the seats' expiry: the nearest threshold at or above it, or null. */
export function reminderThreshold(daysLeft: number): (typeof REMINDER_DAYS)[number] | null {
  if (daysLeft <= 0) return null;
  let hit: (typeof REMINDER_DAYS)[number] | null = null;
  for (const d of REMINDER_DAYS) if (daysLeft <= d) hit = d;
  return hit;
}
