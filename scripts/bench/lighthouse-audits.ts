// What the bench reads from a Lighthouse report beyond the scores (no imports: unit-tested on its own).

export type Audits = Record<string, { details?: { items?: unknown[] } }>;

/** The observed (unthrottled) LCP and the arrival of the page's last script, from the metrics and network-requests audits. */
export function observed(audits: Audits): { observedLcpMs: number; scriptsInMs: number } {
  const metrics = audits.metrics?.details?.items?.[0] as { observedLargestContentfulPaint?: number } | undefined;
  const requests = (audits["network-requests"]?.details?.items ?? []) as { resourceType?: string; networkEndTime?: number }[];
  const ends = requests.filter((r) => r.resourceType === "Script" && typeof r.networkEndTime === "number").map((r) => r.networkEndTime!);
  return {
    observedLcpMs: metrics?.observedLargestContentfulPaint ?? Number.NaN,
    scriptsInMs: ends.length > 0 ? Math.max(...ends) : Number.NaN,
  };
}

/** The two figures as the bench prints them beside an LCP: a script in before the paint counts towards it. */
export function race(r: { observedLcpMs: number; scriptsInMs: number }): string {
  return `(painted ${r.observedLcpMs.toFixed(0)} ms, scripts in ${r.scriptsInMs.toFixed(0)} ms)`;
}
