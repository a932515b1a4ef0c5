// One process per embedded-database folder. PGlite has no cross-process lock: a second process on
// the same DATA_DIR starts fine and one of them silently loses writes. So whoever opens the folder
// (the server, `npm run create-operator`, `npm start` before it builds) first creates
// `<DATA_DIR>/quorum.lock` with O_EXCL ('wx'), holding its pid, start time and hostname.
// Plain JavaScript (typed by lock.d.mts): scripts/start.mjs runs under plain node.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export const LOCK_FILE = "quorum.lock";

/** When this process started, computed once (so every lock it writes and names agrees). */
const STARTED_AT = new Date(Date.now() - process.uptime() * 1000).toISOString();

/** @type {Map<string, import("./lock.mjs").DataDirLock>} folder → lock held by this process */
const held = new Map();

export class DataDirLockedError extends Error {
  /** @param {string} dir @param {string} file @param {import("./lock.mjs").LockOwner} owner */
  constructor(dir, file, owner) {
    const where = owner.hostname === hostname() ? "" : ` on host ${owner.hostname}`;
    super(
      `The data folder ${dir} is in use by another process: pid ${owner.pid}${where}, started ${owner.startedAt}. ` +
        `One server process per DATA_DIR: stop that process first, or give this one another DATA_DIR (or a DATABASE_URL). ` +
        `If no such process is running, delete ${file}.`,
    );
    this.name = "DataDirLockedError";
    this.dir = dir;
    this.file = file;
    this.owner = owner;
  }
}

/** Whether `pid` is a live process on this host (EPERM: alive, owned by someone else). */
export function isProcessAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** The owner recorded in a lock file, or undefined when it is missing or unreadable. */
export function readLock(dataDir) {
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  let text, mtimeMs;
  try {
    text = readFileSync(file, "utf8");
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  try {
    const owner = JSON.parse(text);
    if (typeof owner.pid === "number" && typeof owner.hostname === "string") return { raw: text, owner, mtimeMs, unreadable: false };
  } catch {
    // Being written this moment, or cut short (power lost while writing it): stale once it is old.
  }
  return { raw: text, owner: { pid: 0, hostname: hostname(), startedAt: "unknown" }, mtimeMs, unreadable: true };
}

/** Whether a recorded owner is gone: same host and its pid is not alive (our own pid counts as gone unless we hold it). */
function isStale(dir, owner) {
  if (owner.hostname !== hostname()) return false; // cannot tell from here
  if (owner.pid === process.pid) return !held.has(dir);
  return !isProcessAlive(owner.pid);
}

/** Throws DataDirLockedError when a live process holds the folder; does not take the lock (`npm start` before building). */
export function assertDataDirFree(dataDir) {
  const dir = path.resolve(dataDir);
  const current = readLock(dir);
  if (current && !isStale(dir, current.owner)) throw new DataDirLockedError(dir, path.join(dir, LOCK_FILE), current.owner);
}

/**
 * Takes the folder's lock for this process, creating the folder if needed. A lock left by a process
 * that is gone (same host, pid not alive) is taken over with a warning; a live one throws
 * DataDirLockedError naming the folder and its owner. Released by `release()`, and on exit, SIGINT
 * and SIGTERM.
 */
export function acquireDataDirLock(dataDir, options = {}) {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  const warn = options.warn ?? ((message) => console.warn(message));
  const mine = held.get(dir);
  if (mine) throw new DataDirLockedError(dir, file, mine.owner);
  mkdirSync(dir, { recursive: true });
  const owner = { pid: process.pid, hostname: hostname(), startedAt: startedAt() };
  const content = `${JSON.stringify(owner)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const current = readLock(dir);
    if (!current) continue; // released meanwhile: try again
    if (current.unreadable && Date.now() - current.mtimeMs < 2000 && attempt < 40) {
      sleep(50); // another process is writing its lock this very moment
      continue;
    }
    if (attempt >= 40 || !isStale(dir, current.owner)) throw new DataDirLockedError(dir, file, current.owner);
    warn(`[db] Taking over a stale lock on ${dir}: pid ${current.owner.pid} (started ${current.owner.startedAt}) is no longer running.`);
    try {
      unlinkSync(file);
    } catch {
      // gone already
    }
  }
  // Two takeovers racing: whoever's content is in the file holds the lock.
  if (readLock(dir)?.raw !== content) {
    const current = readLock(dir);
    throw new DataDirLockedError(dir, file, current?.owner ?? owner);
  }

  let released = false;
  const onExit = () => release();
  const onSignal = (signal) => {
    release();
    // Alone on this signal (e.g. a tsx script): keep its default meaning, end the process.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = () => {
    if (released) return;
    released = true;
    held.delete(dir);
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    try {
      // Only our own lock: never delete one another process took over.
      if (readFileSync(file, "utf8") === content) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const lock = { dir, file, owner, release };
  held.set(dir, lock);
  return lock;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function startedAt() {
  return STARTED_AT;
}
