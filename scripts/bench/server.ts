// The production server the HTTP and browser parts measure: built if needed, started on the
// bench's own port with a throw-away data folder, and always stopped again.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const PORT = 3939;
export const BASE = `http://127.0.0.1:${PORT}`;
export const BENCH_OPERATOR = { email: "bench-operator@example.com", password: "bench operator password" };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function portInUse(): Promise<boolean> {
  try {
    await fetch(`${BASE}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** Another `next build` of this project writing into .next at the same time would corrupt both builds: wait for it. */
async function waitForOtherBuilds(): Promise<void> {
  const here = (pid: string) => {
    try {
      return realpathSync(`/proc/${pid}/cwd`) === realpathSync(ROOT);
    } catch {
      return false; // gone, or not ours to look at
    }
  };
  const running = () => {
    const found = spawnSync("pgrep", ["-f", "next build"], { encoding: "utf8" });
    return found.status === 0
      ? found.stdout
          .trim()
          .split("\n")
          .filter((pid) => Number(pid) !== process.pid && here(pid))
      : [];
  };
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (let pids = running(); pids.length > 0; pids = running()) {
    if (Date.now() > deadline) throw new Error(`Another \`next build\` (pid ${pids.join(", ")}) is still running after 15 minutes`);
    if (!told) process.stderr.write(`Waiting for another \`next build\` (pid ${pids.join(", ")}) to finish …\n`);
    told = true;
    await sleep(2000);
  }
}

function startServer(dataDir: string): { server: ChildProcess; log: () => string } {
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree can be stopped
    stdio: ["ignore", "pipe", "pipe"],
    // The limits still count every request (their cost is measured) but never refuse the load generator.
    env: {
      ...process.env,
      QUORUM_RATE_LIMITS: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      // The quote the bench opens at /q/<token> is issued by this operator (scripts/bench/data.ts).
      QUORUM_BOOTSTRAP_OPERATORS: BENCH_OPERATOR.email,
      QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: BENCH_OPERATOR.password,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  return { server, log: () => output };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, sig);
    } catch {
      server.kill(sig);
    }
  };
  signal("SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    signal("SIGKILL");
    await exited;
  }
}

/** Waits until `url` answers 200 (a server that exits first fails with its log). */
export async function waitForOk(server: ChildProcess, log: () => string, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = "";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`next start exited (${server.exitCode ?? server.signalCode}) before answering:\n${log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(`GET ${url} did not answer 200 within 60 s (last: ${last}):\n${log()}`);
}

/** Builds if the sources changed, starts `next start` on PORT, runs `run`, and stops the server whatever happens. */
export async function withServer<T>(run: () => Promise<T>): Promise<T> {
  await waitForOtherBuilds();
  const { ensureBuild } = (await import(new URL("../lib/build.mjs", import.meta.url).href)) as { ensureBuild: () => void };
  ensureBuild();
  if (await portInUse()) throw new Error(`Port ${PORT} is already in use; stop whatever listens there first`);

  const dataDir = mkdtempSync(join(tmpdir(), "quorum-bench-"));
  const { server, log } = startServer(dataDir);
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", stop); // a crash or Ctrl-C must not leave the server running
  const onSignal = () => process.exit(130);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await waitForOk(server, log, `${BASE}/pricing`);
    return await run();
  } finally {
    await stopServer(server);
    process.removeListener("exit", stop);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
