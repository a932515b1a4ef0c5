import { describe, expect, it } from "vitest";
import { observed, type Audits } from "./lighthouse-audits";

const script = (networkEndTime: number) => ({ resourceType: "Script", networkEndTime });

describe("observed: the unthrottled load behind Lantern's LCP", () => {
  it.each<{ name: string; audits: Audits; want: ReturnType<typeof observed> }>([
    {
      name: "the last script's arrival, other resources ignored",
      audits: {
        metrics: { details: { items: [{ observedLargestContentfulPaint: 221 }] } },
        "network-requests": {
          details: {
            items: [
              script(106),
              script(147),
              { resourceType: "Document", networkEndTime: 400 },
              { resourceType: "Fetch", networkEndTime: 1374 },
            ],
          },
        },
      },
      want: { observedLcpMs: 221, scriptsInMs: 147 },
    },
    {
      name: "no script requests: unknown, not zero",
      audits: {
        metrics: { details: { items: [{ observedLargestContentfulPaint: 96 }] } },
        "network-requests": { details: { items: [{ resourceType: "Document", networkEndTime: 44 }] } },
      },
      want: { observedLcpMs: 96, scriptsInMs: Number.NaN },
    },
    { name: "audits missing (a failed run): unknown", audits: {}, want: { observedLcpMs: Number.NaN, scriptsInMs: Number.NaN } },
  ])("$name", ({ audits, want }) => {
    expect(observed(audits)).toEqual(want);
  });
});
