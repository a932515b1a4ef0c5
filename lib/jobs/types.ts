/** What a job's handler gets: its payload and which job this is (for logs). */
export interface JobContext {
  id: string;
  name: string;
  /** 0 on the first try, n on the nth retry. */
  retry: number;
}

/** Runs one job; what it returns is kept as the job's output (pg-boss), what it throws is retried. */
export type JobHandler<T extends object = object> = (data: T, job: JobContext) => Promise<unknown>;

/** How often a recurring job runs: every n seconds (first run at start-up), or a cron line (minutes, UTC). */
export type Every = { everySeconds: number } | { cron: string };

/** Retries of a failed job: up to `retryLimit` more tries, `retryDelaySeconds` apart. */
export interface RetryOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { retryLimit: 3, retryDelaySeconds: 10 };

/**
 * The one job interface (lib/jobs/README in the project README, "Jobs"): on PostgreSQL it is pg-boss, so each job
 * runs once across every server; on the embedded database it runs in this process. Register with `work` and
 * `schedule` (before or after `start`); `send` after `start`.
 */
export interface JobQueue {
  /** Which implementation this is ("pg-boss" or "in-process"). */
  readonly kind: "pg-boss" | "in-process";
  /** Handles every job named `name`, with retries. One handler per name. */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: RetryOptions): Promise<void>;
  /**
   * Runs `handler` on a schedule, once per period across every server: `everySeconds` also runs at start-up
   * (the first period), `cron` at each matching minute.
   */
  schedule(name: string, every: Every, handler: JobHandler, options?: RetryOptions): Promise<void>;
  /** Enqueues a job for `name`'s handler; with `singletonKey`, a second job of that key is refused (null) until the first is done. */
  send(name: string, data: object, options?: { singletonKey?: string; startAfterSeconds?: number }): Promise<string | null>;
  start(): Promise<void>;
  /** Stops taking jobs and waits (up to a few seconds) for running handlers. */
  stop(): Promise<void>;
}

/** Job names: lowercase words joined by dots or dashes (pg-boss accepts them as queue names). */
export function assertJobName(name: string): void {
  if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(name)) throw new Error(`bad job name "${name}": use lowercase words joined by . or -`);
}
