import { RateLimiterRes } from "rate-limiter-flexible";

// No `server-only`: vitest runs it over an in-memory store and over both databases.

/** The part of a rate-limiter-flexible limiter a lease needs (its Postgres store in the app). */
export interface PointStore {
  readonly points: number;
  /** Counts `points` for `key`; resolves with what is left of the window, rejects with a RateLimiterRes when over. */
  consume(key: string, points: number): Promise<RateLimiterRes>;
}

/** At most this many points are reserved by one database write. */
export const MAX_LEASE = 100;
/** A server reserves at most this fraction of what is left of a window at once. */
export const LEASE_SHARE = 8;
/** Keys held in memory before expired ones are swept (a key is one client address). */
const MAX_KEYS = 10_000;

/**
 * How many points to reserve for the next requests of one key, given the points the store said were
 * left after the last reservation (`undefined`: not asked yet in this window).
 *
 * - First request of a window, or in the last half of the budget: one point per request, so a lone
 *   server refuses at exactly the limit, and near the limit every server counts each request.
 * - Otherwise an eighth of what is left, up to MAX_LEASE: a lone server then never reserves more than it
 *   will use before the last half, and several servers reserving at the same instant stay within the
 *   budget unless more than eight of them do.
 */
export function leaseSize(remaining: number | undefined, points: number): number {
  if (remaining === undefined || remaining * 2 <= points) return 1;
  return Math.max(1, Math.min(MAX_LEASE, Math.floor(remaining / LEASE_SHARE)));
}

interface Held {
  /** Points reserved in the store and not yet used by a request. */
  left: number;
  /** When the store's window ends (epoch ms): unused points are never carried into the next one. */
  until: number;
  /** Points the store said were left after the last reservation. */
  remaining: number;
}

/**
 * A limiter that counts in the shared store a slice of a key's budget at a time: a request that finds
 * points reserved by an earlier one in this window is let through without a database write; the first
 * request of a window and every request in the last half of the budget still count in the store one by
 * one. The store stays the authority: the points let through across all servers never exceed the limit
 * (property-tested in lease.test.ts); points a server reserved and did not use before its window ends
 * count against the key, so with several servers a key can be refused a little early, never late.
 *
 * Concurrent requests for one key wait for the one reservation in flight rather than each writing.
 */
export class LeasedLimiter {
  private readonly held = new Map<string, Held>();
  private readonly inFlight = new Map<string, Promise<RateLimiterRes | null>>();

  constructor(
    private readonly store: PointStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes a point reserved earlier in this window, without waiting: false when there is none (then `consume`). */
  tryTake(key: string): boolean {
    const held = this.held.get(key);
    if (!held || held.left <= 0 || this.clock() >= held.until) return false;
    held.left--;
    return true;
  }

  /** null when the request may go ahead; the store's answer (msBeforeNext) when it is over the limit. */
  async consume(key: string): Promise<RateLimiterRes | null> {
    for (;;) {
      if (this.tryTake(key)) return null;
      const pending = this.inFlight.get(key);
      if (!pending) break;
      // Another request of this key is reserving: take from what it gets (or count, if refused).
      if ((await pending) !== null) return this.reserve(key, this.clock(), undefined);
    }
    const now = this.clock();
    const reservation = this.reserve(key, now, this.held.get(key));
    this.inFlight.set(key, reservation);
    try {
      return await reservation;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async reserve(key: string, now: number, last: Held | undefined): Promise<RateLimiterRes | null> {
    const remaining = last && now < last.until ? last.remaining : undefined;
    const size = leaseSize(remaining, this.store.points);
    try {
      const res = await this.store.consume(key, size);
      this.keep(key, { left: size - 1, until: now + res.msBeforeNext, remaining: res.remainingPoints }, now);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      this.held.delete(key);
      return error;
    }
  }

  private keep(key: string, held: Held, now: number): void {
    if (this.held.size >= MAX_KEYS && !this.held.has(key)) {
      for (const [k, h] of this.held) if (h.until <= now || h.left === 0) this.held.delete(k);
      // Still full: forget every reservation (their points stay counted in the store: safe, only stricter).
      if (this.held.size >= MAX_KEYS) this.held.clear();
    }
    this.held.set(key, held);
  }
}
