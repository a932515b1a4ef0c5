import { createInProcessQueue } from "./in-process";
import { createPgBossQueue } from "./pg-boss";
import type { JobQueue } from "./types";

export type { Every, JobContext, JobHandler, JobQueue, RetryOptions } from "./types";

/** pg-boss on a postgres:// URL (each job once across every server), else the in-process runner (embedded database). */
export function createJobQueue(options: { url?: string }): JobQueue {
  return options.url && /^postgres(ql)?:\/\//.test(options.url) ? createPgBossQueue({ url: options.url }) : createInProcessQueue();
}

const globalForJobs = globalThis as typeof globalThis & { __jobQueue?: JobQueue };

/** The process-wide job queue for DATABASE_URL (one per process, like the database). */
export function getJobQueue(options: { url?: string }): JobQueue {
  globalForJobs.__jobQueue ??= createJobQueue(options);
  return globalForJobs.__jobQueue;
}
