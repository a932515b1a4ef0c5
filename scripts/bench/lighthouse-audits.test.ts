import { describe, expect, it } from "vitest";
import { observed, race, type Audits } from "./lighthouse-audits";

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

describe("race: the figures beside an LCP", () => {
  it.each([
    { run: { observedLcpMs: 220.9, scriptsInMs: 146.59 }, want: "(painted 221 ms, scripts in 147 ms)" },
    { run: { observedLcpMs: 96, scriptsInMs: Number.NaN }, want: "(painted 96 ms, scripts in NaN ms)" },
  ])("$want", ({ run, want }) => {
    expect(race(run)).toBe(want);
  });
});
