import { describe, expect, it } from "vitest";
import { backoffSeconds, LIMITS, scaledPoints, SIGN_IN_BACKOFF } from "./limits";

describe("the limits table", () => {
  it("every limit has positive points, window and block", () => {
    for (const [name, rule] of Object.entries(LIMITS)) {
      expect(rule.points, name).toBeGreaterThan(0);
      expect(rule.duration, name).toBeGreaterThan(0);
      expect(rule.block, name).toBeGreaterThan(0);
    }
  });

  it.each([
    [0, 0],
    [SIGN_IN_BACKOFF.free - 1, 0],
    [SIGN_IN_BACKOFF.free, 30],
    [SIGN_IN_BACKOFF.free + 1, 60],
    [SIGN_IN_BACKOFF.free + 2, 120],
    [SIGN_IN_BACKOFF.free + 20, 3600],
    [10_000, 3600],
  ])("after %i failures an account waits %i s", (failures, seconds) => {
    expect(backoffSeconds(failures)).toBe(seconds);
  });

  it.each([
    [10, 1, 10],
    [10, 50, 500],
    [5, 0.01, 1],
    [120, 0.5, 60],
  ])("%i points scaled by %f are %i", (points, scale, expected) => {
    expect(scaledPoints(points, scale)).toBe(expected);
  });
});
