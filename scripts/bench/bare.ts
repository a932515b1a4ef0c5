// The baseline: a bare Next.js app written to a temp folder and built by the bench with this project's
// own next, react and react-dom (its node_modules linked in, so nothing is downloaded). One page with
// one client component (the Lighthouse and first-load JS floor) and one route handler that parses the
// JSON body and answers (the floor for POST /api/v1/price). Built and measured in the same run as the app.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT, stopServer, waitForOk } from "./server";

export const BARE_PORT = 3938;
export const BARE_BASE = `http://127.0.0.1:${BARE_PORT}`;
export const BARE_PAGE = "/";
export const BARE_ROUTE = "/api/bare";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "quorum-bench-bare", private: true, type: "module" }, null, 2),
  // The temp folder's node_modules is a link into the project: Turbopack must see both as one tree.
  "next.config.mjs": `export default { turbopack: { root: "/" }, outputFileTracingRoot: "/", poweredByHeader: false };\n`,
  "app/layout.jsx": `export const metadata = { title: "Bare", description: "A bare Next.js page" };
export const viewport = { width: "device-width", initialScale: 1 };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem" }}>{children}</body>
    </html>
  );
}
`,
  "app/counter.jsx": `"use client";
import { useState } from "react";
export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((c) => c + 1)}>
      Clicked {count} times
    </button>
  );
}
`,
  "app/page.jsx": `import { Counter } from "./counter";
export const dynamic = "force-dynamic"; // rendered per request, as the app's pages are
export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>One server-rendered paragraph and one client component.</p>
      <Counter />
    </main>
  );
}
`,
  "app/api/bare/route.js": `export async function POST(request) {
  const body = JSON.parse(await request.text());
  return Response.json({ currency: "CNY", received: typeof body === "object" && body !== null });
}
`,
};

/** Writes and builds the bare app; returns its folder (remove it with `rmSync` when done). */
export function buildBare(): string {
  const dir = mkdtempSync(join(tmpdir(), "quorum-bench-bare-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  process.stderr.write(`Bare app: building in ${dir} …\n`);
  const built = spawnSync(join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Bare app: next build failed (${built.status}):\n${(built.stdout + built.stderr).slice(-4000)}`);
  }
  return dir;
}

function startBare(dir: string): { server: ChildProcess; log: () => string } {
  const server = spawn(join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(BARE_PORT)], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  return { server, log: () => output };
}

/** Builds the bare app, serves it on BARE_PORT while `run` runs, then stops it and removes its folder. */
export async function withBare<T>(run: () => Promise<T>): Promise<T> {
  const dir = buildBare();
  const { server, log } = startBare(dir);
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
    await waitForOk(server, log, `${BARE_BASE}${BARE_PAGE}`);
    return await run();
  } finally {
    await stopServer(server);
    process.removeListener("exit", stop);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    rmSync(dir, { recursive: true, force: true });
  }
}
