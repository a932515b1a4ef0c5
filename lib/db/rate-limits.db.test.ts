import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Limits } from "@/lib/limits/limiter";
import { LIMITS, SIGN_IN_BACKOFF } from "@/lib/limits/limits";
import type { DbHandle } from "./client";
import { migratedDb, rowsWhere, secondServerDb, testBackend, updateRows } from "./testing";
import { rateLimits } from "./schema";

// The limits live in the database (rate-limiter-flexible's Postgres store on `rate_limits`), so two
// servers on one database share every count (the second one as `secondServerDb` opens it).
let first: DbHandle;
let second: DbHandle;
beforeAll(async () => {
  first = await migratedDb();
  second = secondServerDb(first);
});
afterAll(async () => {
  await second.close();
  await first.close();
});

describe(`rate limits on ${testBackend}`, () => {
  it("two limiter instances on one database share the count: together they allow exactly the limit's points", async () => {
    const a = new Limits(first.db, 1);
    const b = new Limits(second.db, 1);
    const points = LIMITS["sign-in"].points;
    const answers = [];
    for (let i = 0; i < points + 2; i++) answers.push(await (i % 2 ? b : a).consume("sign-in", "203.0.113.7"));
    expect(answers.slice(0, points)).toEqual(Array(points).fill(null));
    // Over the limit on either instance: blocked for the rule's block time, said in whole seconds.
    for (const refused of answers.slice(points)) {
      expect(refused?.retryAfter).toBeGreaterThan(LIMITS["sign-in"].block - 5);
      expect(refused?.retryAfter).toBeLessThanOrEqual(LIMITS["sign-in"].block);
    }
    expect(await a.consume("sign-in", "203.0.113.7")).not.toBeNull();
    // Another address, and another limit for the same address, have their own budgets.
    expect(await b.consume("sign-in", "203.0.113.8")).toBeNull();
    expect(await b.consume("price", "203.0.113.7")).toBeNull();
    const [row] = await rowsWhere(first.db, rateLimits, { key: "sign-in:203.0.113.7" });
    expect(row?.points).toBeGreaterThan(points);
  });

  it("concurrent requests through both instances never let more than the points through", async () => {
    const a = new Limits(first.db, 1);
    const b = new Limits(second.db, 1);
    const points = LIMITS.voucher.points;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).consume("voucher", "198.51.100.1")));
    expect(answers.filter((r) => r === null)).toHaveLength(points);
  });

  it("a window that has passed starts a new count", async () => {
    const limits = new Limits(first.db, 1);
    for (let i = 0; i < LIMITS.upload.points; i++) expect(await limits.consume("upload", "192.0.2.9")).toBeNull();
    expect(await limits.consume("upload", "192.0.2.9")).not.toBeNull();
    await updateRows(first.db, rateLimits, { key: "upload:192.0.2.9" }, { expire: Date.now() - 1 });
    expect(await limits.consume("upload", "192.0.2.9")).toBeNull();
  });

  it("scales every address limit by QUORUM_RATE_LIMITS; off limits nothing", async () => {
    const doubled = new Limits(first.db, 2);
    for (let i = 0; i < 2 * LIMITS["sign-up"].points; i++) expect(await doubled.consume("sign-up", "192.0.2.50")).toBeNull();
    expect(await doubled.consume("sign-up", "192.0.2.50")).not.toBeNull();
    const off = new Limits(first.db, "off");
    for (let i = 0; i < 3 * LIMITS["sign-up"].points; i++) expect(await off.consume("sign-up", "192.0.2.51")).toBeNull();
    for (let i = 0; i < 10; i++) await off.signInFailed("off@example.com");
    expect(await off.signInBlocked("off@example.com")).toBeNull();
  });

  it("per-account back-off: free failures, then a block that doubles with each failure, shared by instances, reset by a success", async () => {
    const a = new Limits(first.db, 1);
    const b = new Limits(second.db, 1);
    const email = "Victim@Example.com";
    for (let i = 1; i < SIGN_IN_BACKOFF.free; i++) {
      await a.signInFailed(email);
      expect(await b.signInBlocked(email), `after ${i} failures`).toBeNull();
    }
    await b.signInFailed(email);
    const firstBlock = await a.signInBlocked("victim@example.com");
    expect(firstBlock?.retryAfter).toBeGreaterThan(SIGN_IN_BACKOFF.firstBlock - 5);
    expect(firstBlock?.retryAfter).toBeLessThanOrEqual(SIGN_IN_BACKOFF.firstBlock);
    // The next failure (after the wait, or through another instance) doubles it.
    await a.signInFailed(email);
    const secondBlock = await b.signInBlocked(email);
    expect(secondBlock?.retryAfter).toBeGreaterThan(2 * SIGN_IN_BACKOFF.firstBlock - 5);
    expect(secondBlock?.retryAfter).toBeLessThanOrEqual(2 * SIGN_IN_BACKOFF.firstBlock);
    // Another account is untouched; the address rotates nothing here: the key is the email.
    expect(await a.signInBlocked("someone-else@example.com")).toBeNull();
    // A success forgets every failure: the next failure is a free one again.
    await b.signInSucceeded(email);
    expect(await a.signInBlocked(email)).toBeNull();
    await a.signInFailed(email);
    expect(await a.signInBlocked(email)).toBeNull();
    // The table never holds the email itself.
    const keys = (await rowsWhere(first.db, rateLimits)).map((r) => r.key);
    expect(keys.some((k) => k.toLowerCase().includes("victim"))).toBe(false);
  });
});
