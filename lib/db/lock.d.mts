// Types for lock.mjs (plain JavaScript so that scripts/start.mjs can use it under plain node).

export declare const LOCK_FILE: string;

export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO time the owning process started. */
  startedAt: string;
}

export interface DataDirLock {
  /** The absolute data folder. */
  dir: string;
  /** The lock file inside it. */
  file: string;
  owner: LockOwner;
  /** Deletes the lock file (if it is still ours); idempotent. */
  release(): void;
}

export declare class DataDirLockedError extends Error {
  dir: string;
  file: string;
  owner: LockOwner;
}

export declare function isProcessAlive(pid: number): boolean;
export declare function readLock(dataDir: string): { raw: string; owner: LockOwner; mtimeMs: number; unreadable: boolean } | undefined;
export declare function assertDataDirFree(dataDir: string): void;
export declare function acquireDataDirLock(dataDir: string, options?: { warn?: (message: string) => void }): DataDirLock;
