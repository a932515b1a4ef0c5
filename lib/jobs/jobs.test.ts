// The one job interface, held to one contract on both implementations: the in-process runner always, and
// pg-boss when TEST_DATABASE_URL names a PostgreSQL (.ci/run), where two queues stand for two servers.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createInProcessQueue, nextCronRun } from "./in-process";
import { createPgBossQueue } from "./pg-boss";
import type { JobQueue } from "./types";

const url = process.env.TEST_DATABASE_URL;
const schema = `pgboss_test_${process.pid}`;

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(async () => {
  if (!url) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
});

const open: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.stop()));
});

const backends: { name: string; make: () => JobQueue }[] = [{ name: "in-process", make: () => createInProcessQueue() }];
if (url) backends.push({ name: "pg-boss", make: () => createPgBossQueue({ url, schema, pollingIntervalSeconds: 0.5 }) });

for (const backend of backends) {
  const queue = () => {
    const q = backend.make();
    open.push(q);
    return q;
  };

  describe(`the job interface: ${backend.name}`, () => {
    it("delivers a sent job to its handler once, with its data", async () => {
      const q = queue();
      const name = `test.send-${randomUUID().slice(0, 8)}`;
      const seen: object[] = [];
      await q.work<{ orderId: string }>(name, async (data) => void seen.push(data));
      await q.start();
      expect(await q.send(name, { orderId: "o-1" })).toEqual(expect.any(String));
      await until(() => seen.length === 1);
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).toEqual([{ orderId: "o-1" }]);
    });

    it("retries a failing job until it succeeds, counting its tries", async () => {
      const q = queue();
      const name = `test.retry-${randomUUID().slice(0, 8)}`;
      const tries: number[] = [];
      let done = false;
      await q.work(
        name,
        async (_data, job) => {
          tries.push(job.retry);
          if (job.retry < 2) throw new Error(`fails on try ${job.retry + 1}`);
          done = true;
        },
        { retryLimit: 3, retryDelaySeconds: 1 },
      );
      await q.start();
      await q.send(name, {});
      await until(() => done, 30_000);
      expect(tries).toEqual([0, 1, 2]);
    });

    it("gives up after retryLimit more tries", async () => {
      const q = queue();
      const name = `test.give-up-${randomUUID().slice(0, 8)}`;
      let tries = 0;
      const fail = async () => {
        tries += 1;
        throw new Error("never works");
      };
      await q.work(name, fail, { retryLimit: 1, retryDelaySeconds: 1 });
      await q.start();
      await q.send(name, {});
      await until(() => tries === 2, 30_000);
      await new Promise((r) => setTimeout(r, 2500));
      expect(tries).toBe(2);
    });

    it("runs an everySeconds schedule at start and again each period, until stopped", async () => {
      const q = queue();
      const name = `test.every-${randomUUID().slice(0, 8)}`;
      let runs = 0;
      await q.schedule(name, { everySeconds: 1 }, async () => void (runs += 1));
      await q.start();
      await until(() => runs >= 1, 5_000);
      await until(() => runs >= 3, 15_000);
      await q.stop();
      const stoppedAt = runs;
      await new Promise((r) => setTimeout(r, 2500));
      expect(runs).toBe(stoppedAt);
    });

    it("refuses a bad job name and a second handler for one name", async () => {
      const q = queue();
      await expect(q.work("Not A Name", async () => {})).rejects.toThrow(/bad job name/);
      await q.work("test.once", async () => {});
      await expect(q.work("test.once", async () => {})).rejects.toThrow(/already has a handler/);
    });
  });
}

describe("the in-process runner", () => {
  it("never overlaps a recurring job with itself: a tick while it runs is dropped", async () => {
    const q = createInProcessQueue();
    open.push(q);
    let running = 0;
    let most = 0;
    let runs = 0;
    await q.schedule("test.slow", { everySeconds: 0.2 }, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 700));
      running -= 1;
      runs += 1;
    });
    await q.start();
    await until(() => runs >= 2, 10_000);
    expect(most).toBe(1);
  });

  it("refuses a second job of one singleton key while the first is unfinished", async () => {
    const q = createInProcessQueue();
    open.push(q);
    let release = () => {};
    await q.work("test.single", () => new Promise<void>((r) => (release = r)));
    await q.start();
    expect(await q.send("test.single", {}, { singletonKey: "k" })).toEqual(expect.any(String));
    expect(await q.send("test.single", {}, { singletonKey: "k" })).toBeNull();
    expect(await q.send("test.single", {}, { singletonKey: "other" })).toEqual(expect.any(String));
    release();
  });

  it.each([
    ["*/5 * * * *", "2026-12-01T10:02:30Z", "2026-12-01T10:05:00.000Z"],
    ["0 3 * * *", "2026-12-01T10:02:30Z", "2026-12-02T03:00:00.000Z"],
    ["0 0 1 * *", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00.000Z"],
  ])("cron %s after %s runs at %s (UTC)", (cron, from, next) => {
    expect(nextCronRun(cron, new Date(from)).toISOString()).toBe(next);
  });

  it("refuses a bad cron line when it is scheduled, not at its first run", async () => {
    const q = createInProcessQueue();
    await expect(q.schedule("test.bad-cron", { cron: "every day" }, async () => {})).rejects.toThrow();
  });
});

if (url) {
  describe("pg-boss: two servers on one PostgreSQL", () => {
    it("runs each period of a schedule once across both, and each sent job on one of them", async () => {
      const name = `test.shared-${randomUUID().slice(0, 8)}`;
      const runs: { server: string; id: string }[] = [];
      const [a, b] = ["a", "b"].map((server) => {
        const q = createPgBossQueue({ url, schema, pollingIntervalSeconds: 0.5 });
        open.push(q);
        return { server, q };
      });
      // Started at once, as servers are: creating the same queues together must not deadlock (pg-boss 10's did).
      const others = Array.from({ length: 4 }, (_, i) => `${name}-other-${i}`);
      for (const { server, q } of [a!, b!]) {
        await q.schedule(name, { everySeconds: 2 }, async (_data, job) => void runs.push({ server, id: job.id }));
        for (const other of others) await q.work(other, async () => {});
      }
      await Promise.all([a!.q.start(), b!.q.start()]);
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 9_000));
      await a!.q.stop();
      await b!.q.stop();
      const elapsedSlots = Math.ceil((Date.now() - started) / 2000) + 1;

      // One run per job, and at most one job per 2-second slot: each timer alone would give twice as many.
      expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs.length).toBeLessThanOrEqual(elapsedSlots);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `select singleton_on, count(*)::int as n from ${schema}.job where name = $1 group by singleton_on`,
          [name],
        );
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      } finally {
        await client.end();
      }
    }, 60_000);
  });
}
