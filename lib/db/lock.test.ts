import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { acquireDataDirLock, assertDataDirFree, DataDirLockedError, LOCK_FILE, readLock } from "./lock.mjs";

const root = mkdtempSync(path.join(tmpdir(), "db-lock-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `data-${++n}`);
const lockModule = fileURLToPath(new URL("./lock.mjs", import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** A separate node process that takes the lock on `dir`, says "locked" and then waits (until killed or stdin closes). */
function childHoldingLock(dir: string): Promise<ChildProcess> {
  const script = `import(${JSON.stringify(lockModule)}).then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); process.stdin.resume(); process.stdin.on("end", () => process.exit(0)); })`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve(child));
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

/** A pid that is certainly not running: a process that has just exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(result.stdout.trim());
}

describe("the data folder lock", () => {
  it("writes pid, start time and hostname into <DATA_DIR>/quorum.lock", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    try {
      const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"));
      expect(owner).toEqual({ pid: process.pid, hostname: hostname(), startedAt: lock.owner.startedAt });
      expect(Date.parse(owner.startedAt)).toBeLessThanOrEqual(Date.now());
      expect(Date.now() - Date.parse(owner.startedAt)).toBeLessThan(process.uptime() * 1000 + 1000);
    } finally {
      lock.release();
    }
  });

  it("refuses a second acquire, naming the folder, the holder's pid and when it started", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    try {
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      const message = (error as Error).message;
      expect(message).toContain(path.resolve(dir));
      expect(message).toContain(`pid ${process.pid}`);
      expect(message).toContain(`started ${lock.owner.startedAt}`);
      expect((error as DataDirLockedError).owner.pid).toBe(process.pid);
    } finally {
      lock.release();
    }
  });

  it("release removes the file, so the folder can be locked again; release twice is harmless", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lock.release();
    const again = acquireDataDirLock(dir);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    again.release();
  });

  it.each([
    ["a pid that is no longer running", () => ({ pid: deadPid(), hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z" })],
    // A container restarted: the previous server had the pid this process has now.
    ["this process's own pid, not held by it", () => ({ pid: process.pid, hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z" })],
  ])("takes over a stale lock (%s) with a warning", (_, owner) => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const stale = owner();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(stale));
    const warnings: string[] = [];
    const lock = acquireDataDirLock(dir, { warn: (m) => warnings.push(m) });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("stale lock");
      expect(warnings[0]).toContain(`pid ${stale.pid}`);
      expect(readLock(dir)?.owner.pid).toBe(process.pid);
      expect(readLock(dir)?.owner.startedAt).toBe(lock.owner.startedAt);
    } finally {
      lock.release();
    }
  });

  it("takes over a lock file cut short once it is old (a crash while writing it)", () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, '{"pid":');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const warnings: string[] = [];
    const lock = acquireDataDirLock(dir, { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    lock.release();
  });

  it("does not take over a lock held on another host (its pid cannot be checked from here)", () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), hostname: "other-host.example", startedAt: "2020-01-01T00:00:00.000Z" }),
    );
    expect(() => acquireDataDirLock(dir, { warn: () => {} })).toThrow(/on host other-host\.example/);
  });

  it("a child process holding the lock makes this process's acquire (and createDb) fail, naming the child's pid", async () => {
    const dir = freshDir();
    const child = await childHoldingLock(dir);
    const pattern = new RegExp(
      `${path.resolve(dir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is in use by another process: pid ${child.pid}\\b`,
    );
    expect(() => acquireDataDirLock(dir)).toThrow(pattern);
    expect(() => assertDataDirFree(dir)).toThrow(pattern);
    // The database itself: PGlite is never opened on the folder.
    expect(() => createDb({ dataDir: dir })).toThrow(pattern);
    expect(existsSync(path.join(dir, "pglite"))).toBe(false);

    // The child ends normally: its lock is gone and this process may take the folder.
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.stdin!.end();
    await exited;
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it.each(["SIGTERM", "SIGINT"] as const)("a process stopped by %s releases its lock", async (signal) => {
    const dir = freshDir();
    const child = await childHoldingLock(dir);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
    child.kill(signal);
    // Its default meaning is kept: the process ends by that signal.
    expect(await exited).toBe(signal);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("a process killed with SIGKILL leaves a stale lock that the next one takes over", async () => {
    const dir = freshDir();
    const child = await childHoldingLock(dir);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(readLock(dir)?.owner.pid).toBe(child.pid);
    const warnings: string[] = [];
    const lock = acquireDataDirLock(dir, { warn: (m) => warnings.push(m) });
    expect(warnings[0]).toContain(`pid ${child.pid}`);
    lock.release();
  });
});
