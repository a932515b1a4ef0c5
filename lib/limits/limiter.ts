import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/lib/db/client";
import { rateLimitStore } from "@/lib/db/rate-limit-store";
import { env } from "@/lib/env";
import { LeasedLimiter } from "./lease";
import { backoffSeconds, LIMITS, scaledPoints, SIGN_IN_BACKOFF, type LimitName, type LimitScale } from "./limits";
import type { Refused } from "./refusal";

// No `server-only`: vitest builds limiters over a test database too.

function refusedBy(res: RateLimiterRes): Refused {
  return { retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/** An email as a fixed-length key: the table never holds addresses typed at the sign-in form. */
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/**
 * The store's limits over one database (rate-limiter-flexible's Postgres store on the
 * `rate_limits` table): every instance over the same database shares every count. Address limits
 * reserve their points in slices far from the limit (LeasedLimiter), so a busy address costs a
 * database write per slice rather than per request.
 */
export class Limits {
  private readonly limiters: Partial<Record<LimitName, LeasedLimiter>> = {};
  private readonly failures?: RateLimiterPostgres;
  private readonly accountBlocks?: RateLimiterPostgres;

  constructor(
    db: Db,
    readonly scale: LimitScale,
  ) {
    if (scale === "off") return;
    const store = rateLimitStore(db);
    for (const [name, rule] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
      const counts = new RateLimiterPostgres({
        ...store,
        keyPrefix: name,
        points: scaledPoints(rule.points, scale),
        duration: rule.duration,
        blockDuration: rule.block,
      });
      // Far from the limit, a slice of the budget is reserved per write (lib/limits/lease.ts).
      this.limiters[name] = new LeasedLimiter(counts);
    }
    // Failures are only counted (never refused by this limiter); the block limiter refuses.
    this.failures = new RateLimiterPostgres({
      ...store,
      keyPrefix: "sign-in-failures",
      points: 1_000_000,
      duration: SIGN_IN_BACKOFF.memory,
    });
    this.accountBlocks = new RateLimiterPostgres({ ...store, keyPrefix: "sign-in-account", points: 1, duration: SIGN_IN_BACKOFF.maxBlock });
  }

  /** Counts one request against `name` for `key` from points already reserved, without waiting: false when `consume` must ask the store. */
  tryTake(name: LimitName, key: string): boolean {
    const limiter = this.limiters[name];
    return !limiter || limiter.tryTake(key);
  }

  /** Counts one request against `name` for `key`; the refusal when it is over. */
  async consume(name: LimitName, key: string): Promise<Refused | null> {
    const limiter = this.limiters[name];
    if (!limiter) return null;
    const refused = await limiter.consume(key);
    return refused && refusedBy(refused);
  }

  /** Whether sign-ins to this account are blocked now (after repeated failures). */
  async signInBlocked(email: string): Promise<Refused | null> {
    if (!this.accountBlocks) return null;
    const res = await this.accountBlocks.get(accountKey(email));
    return res && res.consumedPoints > this.accountBlocks.points ? refusedBy(res) : null;
  }

  /** A failed sign-in: counted, and from the `free`-th on the account is blocked for a growing time. */
  async signInFailed(email: string): Promise<void> {
    if (!this.failures || !this.accountBlocks) return;
    const key = accountKey(email);
    const res = await this.failures.penalty(key, 1);
    const seconds = backoffSeconds(res.consumedPoints);
    if (seconds > 0) await this.accountBlocks.block(key, seconds);
  }

  /** A successful sign-in forgets the account's failures. */
  async signInSucceeded(email: string): Promise<void> {
    if (!this.failures || !this.accountBlocks) return;
    const key = accountKey(email);
    await Promise.all([this.failures.delete(key), this.accountBlocks.delete(key)]);
  }
}

const globalForLimits = globalThis as typeof globalThis & { __limitsPromise?: Promise<Limits>; __limits?: Limits };

/** The process-wide limits once `getLimits` has made them (a request's hot path skips the await). */
export function readyLimits(): Limits | undefined {
  return globalForLimits.__limits;
}

/** The process-wide limits over `getDb()`, scaled as QUORUM_RATE_LIMITS says. */
export function getLimits(): Promise<Limits> {
  globalForLimits.__limitsPromise ??= getDb()
    .then((db) => (globalForLimits.__limits = new Limits(db, env().QUORUM_RATE_LIMITS)))
    .catch((error: unknown) => {
      globalForLimits.__limitsPromise = undefined;
      throw error;
    });
  return globalForLimits.__limitsPromise;
}
