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

describe("the limits' environment", () => {
  const PUBLIC = {
    BETTER_AUTH_URL: "https://store.example.com",
    BETTER_AUTH_SECRET: "a".repeat(32),
    SANDBOX_PAYMENT_SECRET: "s".repeat(32),
    QUORUM_SANDBOX_PAYMENTS: "1",
  };

  it.each([
    [{}, 1],
    [{ QUORUM_RATE_LIMITS: "100" }, 100],
    [{ QUORUM_RATE_LIMITS: "0.5" }, 0.5],
    [{ QUORUM_RATE_LIMITS: "off" }, "off"],
    [{ ...PUBLIC, QUORUM_RATE_LIMITS: "3" }, 3],
  ])("%j → QUORUM_RATE_LIMITS %s", async (source, expected) => {
    const { parseEnv } = await import("@/lib/env");
    expect(parseEnv(source).QUORUM_RATE_LIMITS).toBe(expected);
  });

  it.each([
    [{ QUORUM_RATE_LIMITS: "0" }, /QUORUM_RATE_LIMITS/],
    [{ QUORUM_RATE_LIMITS: "lots" }, /QUORUM_RATE_LIMITS/],
    [{ ...PUBLIC, QUORUM_RATE_LIMITS: "off" }, /QUORUM_RATE_LIMITS: cannot be off on a public deployment/],
    [{ TRUSTED_PROXIES: "10.0.0.1, proxy.internal" }, /TRUSTED_PROXIES: .*"proxy.internal" is not an IP address/],
  ])("%j is refused", async (source, message) => {
    const { parseEnv } = await import("@/lib/env");
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("accepts a list of trusted proxies", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.1, 10.1.0.0/16, fd00::/8" }).TRUSTED_PROXIES).toBe("10.0.0.1, 10.1.0.0/16, fd00::/8");
  });
});
