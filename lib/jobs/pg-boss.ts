import { Client } from "pg";
import PgBoss from "pg-boss";
import { assertJobName, DEFAULT_RETRY, type Every, type JobHandler, type JobQueue, type RetryOptions } from "./types";

type Definition = { name: string; handler: JobHandler; retry: Required<RetryOptions>; every?: Every };

export interface PgBossOptions {
  /** The PostgreSQL the app uses (DATABASE_URL): pg-boss keeps its tables in their own schema there. */
  url: string;
  /** pg-boss's schema; "pgboss" unless a test keeps its own. */
  schema?: string;
  /** How often an idle worker looks for a job (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
}

// Any fixed key, apart from the start-up lock of lib/db/client.ts.
const QUEUE_LOCK_KEY = 7_316_224_012;

/** Runs `fn` holding a session advisory lock on a connection of its own, so servers do it one at a time. */
async function withQueueLock(url: string, fn: () => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url, application_name: "quorum-jobs-setup" });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [QUEUE_LOCK_KEY]);
    await fn();
  } finally {
    await client.end(); // ending the session releases its lock
  }
}

/**
 * The job interface on PostgreSQL, through pg-boss: a job is a row that exactly one worker of any server takes
 * (SKIP LOCKED), retried after a failure, and expired (then retried) when its worker died holding it.
 * `everySeconds`: each server sends on its own timer, throttled to one job per period slot across all of
 * them (`sendThrottled`); `cron`: pg-boss's scheduler, also one job per matching minute.
 */
export function createPgBossQueue(options: PgBossOptions): JobQueue {
  const definitions = new Map<string, Definition>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  let boss: PgBoss | undefined;

  const apply = async (b: PgBoss, d: Definition) => {
    const queue = {
      name: d.name,
      retryLimit: d.retry.retryLimit,
      retryDelay: d.retry.retryDelaySeconds,
      // A worker killed mid-job leaves it active: after this long another server retries it.
      expireInSeconds: Math.max(60, 5 * (d.every && "everySeconds" in d.every ? d.every.everySeconds : 60)),
    };
    // pg-boss 10's create_queue deadlocks when two servers create one queue at once: they take turns.
    await withQueueLock(options.url, async () => {
      await b.createQueue(d.name, queue);
      await b.updateQueue(d.name, queue); // createQueue keeps an existing queue's settings as they were
    });
    await b.work<object>(
      d.name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => (job ? d.handler(job.data, { id: job.id, name: d.name, retry: job.retryCount }) : undefined),
    );
    if (!d.every) return;
    if ("cron" in d.every) {
      await b.schedule(d.name, d.every.cron, {}, { tz: "UTC" });
      return;
    }
    const seconds = d.every.everySeconds;
    const tick = () =>
      void b.sendThrottled(d.name, {}, {}, seconds).catch((error: unknown) => console.error(`[jobs] ${d.name}: could not send`, error));
    tick();
    const timer = setInterval(tick, seconds * 1000);
    timer.unref?.();
    timers.add(timer);
  };

  const define = async (d: Definition) => {
    assertJobName(d.name);
    if (definitions.has(d.name)) throw new Error(`job ${d.name} already has a handler`);
    definitions.set(d.name, d);
    if (boss) await apply(boss, d);
  };

  return {
    kind: "pg-boss",
    work: (name, handler, retry = {}) => define({ name, handler: handler as JobHandler, retry: { ...DEFAULT_RETRY, ...retry } }),
    async schedule(name, every, handler, retry = {}) {
      if ("everySeconds" in every && !(every.everySeconds >= 1)) throw new Error(`job ${name}: everySeconds must be at least 1`);
      await define({ name, handler, every, retry: { ...DEFAULT_RETRY, ...retry } });
    },
    async send(name, data, sendOptions = {}) {
      if (!boss) throw new Error("the job queue is not started");
      const { singletonKey, startAfterSeconds } = sendOptions;
      return boss.send(name, data, { ...(singletonKey && { singletonKey }), ...(startAfterSeconds && { startAfter: startAfterSeconds }) });
    },
    async start() {
      if (boss) return;
      const b = new PgBoss({ connectionString: options.url, schema: options.schema ?? "pgboss", max: 4, application_name: "quorum-jobs" });
      b.on("error", (error: unknown) => console.error("[jobs] pg-boss", error));
      await b.start();
      boss = b;
      for (const d of definitions.values()) await apply(b, d);
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      const b = boss;
      boss = undefined;
      await b?.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
