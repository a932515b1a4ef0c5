// Process-level, build-independent: `npm start` and `npm run create-operator` refuse a data folder
// another live process holds, naming the folder and that process, before building or opening it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const root = mkdtempSync(path.join(tmpdir(), "start-lock-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** Another process (like a running server) holding the lock on `dir`. */
function holder(dir: string): Promise<ChildProcess> {
  const lockModule = path.resolve("lib/db/lock.mjs");
  const script = `import(${JSON.stringify(lockModule)}).then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000); })`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve(child));
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

const env = (dir: string) => {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1" };
  delete e.DATABASE_URL;
  return e;
};

describe("a second process on one DATA_DIR", () => {
  it("`npm start` refuses before building, naming the folder and the running process", async () => {
    const dir = path.join(root, "start");
    const running = await holder(dir);
    const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
      env: { ...env(dir), PORT: "3939" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The data folder ${dir} is in use by another process: pid ${running.pid}, started `);
    expect(result.stdout).not.toContain("Building the production app");
  });

  it("`npm run create-operator` refuses without opening the database, naming the folder and the running process", async () => {
    const dir = path.join(root, "operator");
    const running = await holder(dir);
    const result = spawnSync(
      "node_modules/.bin/tsx",
      ["scripts/create-operator.ts", "--email", "ops@example.com", "--password", "correct-horse"],
      { env: env(dir), encoding: "utf8", timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The data folder ${dir} is in use by another process: pid ${running.pid}, started `);
    expect(existsSync(path.join(dir, "pglite"))).toBe(false);
  });
});
