import { randomUUID } from "node:crypto";
import cronParser from "cron-parser";
import { assertJobName, DEFAULT_RETRY, type Every, type JobHandler, type JobQueue, type RetryOptions } from "./types";

type Definition = { handler: JobHandler; retry: Required<RetryOptions> };

/** The next time a cron line (UTC) matches after `from`. */
export function nextCronRun(cron: string, from: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: from, tz: "UTC" }).next().toDate();
}

/**
 * The job interface in this process (the embedded database: one process per DATA_DIR, so one runner):
 * timers for schedules, retries after a delay, and a recurring job never overlapping itself.
 */
export function createInProcessQueue(): JobQueue {
  const definitions = new Map<string, Definition>();
  const schedules: { name: string; every: Every }[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  // Jobs sent with a singleton key (a schedule's own name) not yet finished, retries included.
  const singletons = new Set<string>();
  let started = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    timers.add(timer);
  };

  const attempt = (name: string, id: string, data: object, retry: number, done: () => void) => {
    const definition = definitions.get(name);
    if (!definition || !started) return done();
    const run = (async () => {
      try {
        await definition.handler(data, { id, name, retry });
        done();
      } catch (error) {
        if (retry < definition.retry.retryLimit && started) {
          console.warn(`[jobs] ${name} (${id}) failed, try ${retry + 1} of ${definition.retry.retryLimit + 1}; retrying`, error);
          later(definition.retry.retryDelaySeconds * 1000, () => attempt(name, id, data, retry + 1, done));
        } else {
          console.error(`[jobs] ${name} (${id}) failed after ${retry + 1} tries`, error);
          done();
        }
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
  };

  const send: JobQueue["send"] = async (name, data, options = {}) => {
    if (!started) throw new Error("the job queue is not started");
    if (!definitions.has(name)) throw new Error(`no handler for job ${name}`);
    const key = options.singletonKey && `${name}:${options.singletonKey}`;
    if (key && singletons.has(key)) return null;
    if (key) singletons.add(key);
    const id = randomUUID();
    later((options.startAfterSeconds ?? 0) * 1000, () => attempt(name, id, data, 0, () => key && singletons.delete(key)));
    return id;
  };

  const arm = ({ name, every }: { name: string; every: Every }) => {
    const tick = () => void send(name, {}, { singletonKey: "schedule" }).catch((e: unknown) => console.error(`[jobs] ${name}`, e));
    if ("everySeconds" in every) {
      tick();
      const timer = setInterval(tick, every.everySeconds * 1000);
      timer.unref?.();
      timers.add(timer);
    } else {
      const next = () => later(Math.max(0, nextCronRun(every.cron, new Date()).getTime() - Date.now()), () => (tick(), next()));
      next();
    }
  };

  return {
    kind: "in-process",
    async work(name, handler, options = {}) {
      assertJobName(name);
      if (definitions.has(name)) throw new Error(`job ${name} already has a handler`);
      definitions.set(name, { handler: handler as JobHandler, retry: { ...DEFAULT_RETRY, ...options } });
    },
    async schedule(name, every, handler, options) {
      if ("everySeconds" in every && !(every.everySeconds > 0)) throw new Error(`job ${name}: everySeconds must be positive`);
      if ("cron" in every) nextCronRun(every.cron, new Date()); // a bad cron line fails here, not at its first run
      await this.work(name, handler, options);
      schedules.push({ name, every });
      if (started) arm({ name, every });
    },
    send,
    async start() {
      if (started) return;
      started = true;
      schedules.forEach(arm);
    },
    async stop() {
      started = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      singletons.clear();
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, 10_000).unref?.())]);
    },
  };
}
