// Two `next start` on one DATA_DIR (the attack of issue 11, item 4): the second exits non-zero naming
// the folder and the first's pid, and the first keeps serving. Needs the production build, so
// `npm test` runs it after `next build` (vitest.process.config.ts), never beside the unit tests.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "second-server-"));
const started: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((child) => stop(child)));
  rmSync(dir, { recursive: true, force: true });
});

function nextStart(port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function status(port: number, pathname: string): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${pathname}`)).status;
  } catch {
    return 0;
  }
}

/** A port nobody listens on right now (the OS picks it), so a stray server on a fixed port cannot answer for ours. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Waits for `condition`; a server that exits first, or the deadline, fails with what the server printed. */
async function until(condition: () => Promise<boolean>, server: ReturnType<typeof nextStart>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; the server printed:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("two `next start` on one DATA_DIR", () => {
  it("the second refuses to start, naming the folder and the first's pid; the first keeps serving /pricing", async () => {
    expect(existsSync(".next/BUILD_ID"), "run `next build` first (npm test does)").toBe(true);
    const FIRST = await freePort();
    let SECOND = await freePort();
    while (SECOND === FIRST) SECOND = await freePort();
    const first = nextStart(FIRST);
    await until(async () => (await status(FIRST, "/pricing")) === 200, first, 180_000);
    const owner = JSON.parse(readFileSync(path.join(dir, "quorum.lock"), "utf8"));
    expect(owner.pid).toBe(first.child.pid);

    const second = nextStart(SECOND);
    const code = await Promise.race([second.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 120_000))]);
    expect(code, second.output()).not.toBe("still running");
    expect(code).not.toBe(0);
    expect(second.output()).toContain(
      `The data folder ${dir} is in use by another process: pid ${first.child.pid}, started ${owner.startedAt}`,
    );
    expect(await status(SECOND, "/pricing")).toBe(0);

    // The first is untouched: it still serves, still holds its lock.
    expect(await status(FIRST, "/pricing")).toBe(200);
    expect(first.child.exitCode).toBeNull();
    expect(JSON.parse(readFileSync(path.join(dir, "quorum.lock"), "utf8")).pid).toBe(first.child.pid);

    // Stopped normally, it hands the folder back.
    await stop(first.child);
    expect(existsSync(path.join(dir, "quorum.lock"))).toBe(false);
  }, 360_000);
});
