import fc from "fast-check";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { LEASE_SHARE, LeasedLimiter, leaseSize, MAX_LEASE, type PointStore } from "./lease";

/** One store (the "database") that counts its writes; every LeasedLimiter over it is one server. */
function countingStore(points: number, duration = 60) {
  const memory = new RateLimiterMemory({ points, duration, blockDuration: duration });
  const store = {
    points,
    writes: 0,
    consume(key: string, n: number): Promise<RateLimiterRes> {
      store.writes++;
      return memory.consume(key, n);
    },
  } satisfies PointStore & { writes: number };
  return store;
}

describe("leaseSize", () => {
  it.each([
    // remaining, points, size
    [undefined, 120, 1], // first request of a window: counted alone
    [119, 120, 14], // far from the limit: an eighth of what is left
    [61, 120, 7],
    [60, 120, 1], // the last half of the budget: one by one
    [1, 120, 1],
    [0, 120, 1],
    [9, 10, 1], // small limits stay exact: an eighth rounds to one
    [119_999_999, 120_000_000, MAX_LEASE], // a scaled limit: never more than MAX_LEASE per write
  ] as const)("%s left of %s: reserve %s", (remaining, points, size) => {
    expect(leaseSize(remaining, points)).toBe(size);
  });

  it("never reserves more than what is left, and never more than an eighth of it beyond one (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (points, left) => {
        const remaining = Math.min(left, points);
        const size = leaseSize(remaining, points);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(Math.max(1, Math.floor(remaining / LEASE_SHARE)));
        expect(size).toBeLessThanOrEqual(MAX_LEASE);
      }),
    );
  });
});

describe("LeasedLimiter", () => {
  it("alone on a store, lets exactly the limit's points through and refuses the next (property over limits)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50 }), async (points, extra) => {
        const limiter = new LeasedLimiter(countingStore(points));
        const answers = [];
        for (let i = 0; i < points + extra; i++) answers.push(await limiter.consume("203.0.113.1"));
        expect(answers.filter((a) => a === null)).toHaveLength(points);
        expect(answers.slice(points).every((a) => a !== null && a.msBeforeNext > 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("several servers on one store, in any interleaving and concurrently, never let more than the points through (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 60 }),
        async (points, servers, bursts) => {
          const store = countingStore(points);
          const limiters = Array.from({ length: servers }, () => new LeasedLimiter(store));
          let admitted = 0;
          let asked = 0;
          // Each burst is a batch of requests in flight at once, spread over the servers.
          for (const burst of bursts) {
            const answers = await Promise.all(burst.map((s) => limiters[s % servers]!.consume("198.51.100.2")));
            asked += answers.length;
            admitted += answers.filter((a) => a === null).length;
          }
          expect(admitted).toBeLessThanOrEqual(points);
          if (servers === 1) expect(admitted).toBe(Math.min(asked, points));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("far from the limit, a busy key costs a store write per slice, not per request", async () => {
    const store = countingStore(120_000_000);
    const limiter = new LeasedLimiter(store);
    for (let i = 0; i < 10_000; i++) expect(await limiter.consume("192.0.2.3")).toBeNull();
    expect(store.writes).toBeGreaterThanOrEqual(10_000 / MAX_LEASE);
    expect(store.writes).toBeLessThanOrEqual(10_000 / MAX_LEASE + 2);
  });

  it("requests of one key in flight together wait for one reservation instead of each writing", async () => {
    const store = countingStore(120_000);
    const limiter = new LeasedLimiter(store);
    await limiter.consume("192.0.2.4"); // learns what is left
    const writesBefore = store.writes;
    const answers = await Promise.all(Array.from({ length: 50 }, () => limiter.consume("192.0.2.4")));
    expect(answers.every((a) => a === null)).toBe(true);
    expect(store.writes - writesBefore).toBeLessThanOrEqual(2);
  });

  it("unused reserved points are not carried into the next window", async () => {
    let now = 1_000_000;
    const store = countingStore(1_000, 60);
    const limiter = new LeasedLimiter(store, () => now);
    await limiter.consume("192.0.2.5");
    await limiter.consume("192.0.2.5"); // reserves a slice
    const writes = store.writes;
    now += 61_000; // the window (as the store said it) has ended
    await limiter.consume("192.0.2.5");
    expect(store.writes).toBe(writes + 1);
  });

  it("tryTake takes only points reserved earlier in the window, without a store write", async () => {
    let now = 1_000_000;
    const store = countingStore(120_000, 60);
    const limiter = new LeasedLimiter(store, () => now);
    expect(limiter.tryTake("192.0.2.6")).toBe(false); // nothing reserved yet
    await limiter.consume("192.0.2.6");
    await limiter.consume("192.0.2.6"); // reserves a slice
    const writes = store.writes;
    expect(limiter.tryTake("192.0.2.6")).toBe(true);
    expect(store.writes).toBe(writes);
    now += 61_000;
    expect(limiter.tryTake("192.0.2.6")).toBe(false); // the window ended
  });

  it("other keys have their own budgets", async () => {
    const limiter = new LeasedLimiter(countingStore(2));
    expect(await limiter.consume("a")).toBeNull();
    expect(await limiter.consume("a")).toBeNull();
    expect(await limiter.consume("a")).not.toBeNull();
    expect(await limiter.consume("b")).toBeNull();
  });

  it("a store failure is not a refusal: it rejects", async () => {
    const failing: PointStore = { points: 10, consume: () => Promise.reject(new Error("database down")) };
    await expect(new LeasedLimiter(failing).consume("a")).rejects.toThrow("database down");
  });
});
