// Isomorphic: the sign-in form words a refusal's wait in the page's language with this too.

/** Which "Limits" message a refusal is worded with. */
export type RefusalKind = "tooMany" | "signInBlocked";

/** "30 秒" / "2 minutes": seconds under two minutes, else whole minutes rounded up. */
export function waitText(t: (key: "seconds" | "minutes", values: { count: number }) => string, retryAfter: number): string {
  return retryAfter < 120 ? t("seconds", { count: retryAfter }) : t("minutes", { count: Math.ceil(retryAfter / 60) });
}
