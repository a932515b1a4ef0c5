// `npm run bench`: pricing-core throughput on one core, then POST /api/v1/price against a bare
// route handler on the production server. Prints one table and a summary line; exits 0 unless it
// crashes (a missed target is reported as FAIL, not as an exit code).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { catalog } from "@/lib/catalog";
import { priceCart } from "@/lib/pricing";
import { price } from "@/lib/pricing/test-helpers";
import type { CartInput, CartLineInput } from "@/lib/pricing/types";
import en from "@/messages/en.json" with { type: "json" };

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = 3939;
const BASE = `http://127.0.0.1:${PORT}`;
const CART_COUNT = 1_000;
const LINES = 10;
const WARMUP_NS = 1_000_000_000n;
const MEASURE_NS = 3_000_000_000n;
const TARGET_CARTS_PER_S = 100_000;
const TARGET_RATIO = 0.9;
const TARGET_P99_MS = 30;
const HTTP_CONNECTIONS = 10;
const HTTP_DURATION_S = 10;

process.chdir(ROOT); // ensureBuild and `next start` work on paths relative to the project

// ---------------------------------------------------------------------------------------------
// Carts: business, 200 seats, 1 year, and 10 add-on lines sold on business with small quantities
// and no term of their own (so each takes the seats' term). fast-check with seed 42 picks the lines,
// which keeps the set the same from run to run. Random terms (as in cartArb) make nearly every
// 10-line cart invalid, so they are left out here.

function buildCarts(): CartInput[] {
  const edition = "business";
  const skus = catalog.addons.filter((a) => a.editions.includes(edition)).map((a) => a.sku);
  const line: fc.Arbitrary<CartLineInput> = fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 4 }) });
  const cartArb = fc.record({
    edition: fc.constant(edition),
    seats: fc.constant(200),
    term: fc.constant({ unit: "year", count: 1 }),
    addons: fc.array(line, { minLength: LINES, maxLength: LINES }),
  });
  const carts: CartInput[] = [];
  for (let seed = 42; carts.length < CART_COUNT; seed++) {
    for (const cart of fc.sample(cartArb, { numRuns: CART_COUNT, seed })) {
      if (carts.length < CART_COUNT && cart.addons.length === LINES && price(cart).ok) carts.push(cart);
    }
    if (seed > 52) throw new Error(`Only ${carts.length} valid ${LINES}-line carts after 11 samples`);
  }
  return carts;
}

// ---------------------------------------------------------------------------------------------
// Part 1: pricing core.

interface CoreResult {
  cartsPerSecond: number;
  microsPerCart: number;
  priced: number;
}

function benchCore(carts: CartInput[]): CoreResult {
  // The same arguments `price(cart, "en")` passes, built once so only priceCart is timed.
  const options = { locale: "en" as const, messages: en.Pricing };
  let sink = 0;
  const runFor = (ns: bigint) => {
    const start = process.hrtime.bigint();
    let count = 0;
    let elapsed = 0n;
    do {
      for (let i = 0; i < carts.length; i++) {
        const result = priceCart(carts[i]!, catalog, options);
        sink += result.total.length; // keep the result alive
      }
      count += carts.length;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < ns);
    return { count, elapsed };
  };
  runFor(WARMUP_NS);
  const { count, elapsed } = runFor(MEASURE_NS);
  if (sink === 0) throw new Error("priceCart returned empty totals");
  const seconds = Number(elapsed) / 1e9;
  return { cartsPerSecond: count / seconds, microsPerCart: (seconds * 1e6) / count, priced: count };
}

// ---------------------------------------------------------------------------------------------
// Part 2: HTTP.

interface HttpRound {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function portInUse(): Promise<boolean> {
  try {
    await fetch(`${BASE}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function startServer(dataDir: string): { server: ChildProcess; log: () => string } {
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree can be stopped
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, QUORUM_BENCH: "1", NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  return { server, log: () => output };
}

async function stopServer(server: ChildProcess): Promise<void> {
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

async function waitForServer(server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = "";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`next start exited (${server.exitCode ?? server.signalCode}) before answering:\n${log()}`);
    try {
      const res = await fetch(`${BASE}/pricing`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(`GET /pricing did not answer 200 within 60 s (last: ${last}):\n${log()}`);
}

async function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // keep the text for the error message
  }
  return { status: res.status, json };
}

async function warmUp(body: string, expectedTotal: string): Promise<void> {
  const bare = await post("/api/bench/bare", body);
  if (bare.status !== 200) throw new Error(`POST /api/bench/bare answered ${bare.status} (is QUORUM_BENCH=1 honoured?)`);
  const priced = await post("/api/v1/price", body);
  if (priced.status !== 200) throw new Error(`POST /api/v1/price answered ${priced.status}: ${JSON.stringify(priced.json)}`);
  const total = (priced.json as { total?: unknown }).total;
  if (total !== expectedTotal) throw new Error(`POST /api/v1/price total ${String(total)}, expected ${expectedTotal}`);
  // The same number of requests to each endpoint, with the same concurrency as the measured runs.
  for (const path of ["/api/bench/bare", "/api/v1/price"]) {
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(Array.from({ length: HTTP_CONNECTIONS }, () => post(path, body)));
      const bad = answers.find((a) => a.status !== 200);
      if (bad) throw new Error(`Warm-up POST ${path} answered ${bad.status}`);
    }
  }
}

/** The part of autocannon's API used here (the package ships no types, and @types/autocannon is not installed). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const AUTOCANNON: string = "autocannon"; // a non-literal specifier: tsc leaves the untyped module alone

async function load(path: string, body: string): Promise<HttpRound> {
  const { default: autocannon } = (await import(AUTOCANNON)) as { default: Autocannon };
  const result = await autocannon({
    url: `${BASE}${path}`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: HTTP_CONNECTIONS,
    duration: HTTP_DURATION_S,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const better = (a: HttpRound, b: HttpRound) => (b.rps > a.rps ? b : a);

async function benchHttp(body: string, expectedTotal: string): Promise<{ bare: HttpRound; price: HttpRound }> {
  const { ensureBuild } = (await import(new URL("./lib/build.mjs", import.meta.url).href)) as { ensureBuild: () => void };
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
    await waitForServer(server, log);
    await warmUp(body, expectedTotal);
    process.stderr.write(`HTTP: ${HTTP_CONNECTIONS} connections, ${HTTP_DURATION_S} s per run, bare/price × 2 …\n`);
    const bare1 = await load("/api/bench/bare", body);
    const price1 = await load("/api/v1/price", body);
    const bare2 = await load("/api/bench/bare", body);
    const price2 = await load("/api/v1/price", body);
    for (const [name, run] of [["bare", bare1], ["price", price1], ["bare", bare2], ["price", price2]] as const) {
      process.stderr.write(`  ${name.padEnd(5)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  non2xx ${run.non2xx}  errors ${run.errors}\n`);
      if (run.errors > 0 || run.timeouts > 0) throw new Error(`${name}: ${run.errors} errors, ${run.timeouts} timeouts`);
      if (run.requests === 0) throw new Error(`${name}: no requests completed`);
    }
    return { bare: better(bare1, bare2), price: better(price1, price2) };
  } finally {
    await stopServer(server);
    process.removeListener("exit", stop);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const carts = buildCarts();
  process.stderr.write(`Pricing core: ${carts.length} valid ${LINES}-line carts, 1 s warm-up, ≥ 3 s measured …\n`);
  const core = benchCore(carts);

  const cart = carts[0]!;
  const body = JSON.stringify(cart);
  const expectedTotal = price(cart).total;
  const http = await benchHttp(body, expectedTotal);

  const corePass = core.cartsPerSecond >= TARGET_CARTS_PER_S;
  const ratio = http.price.rps / http.bare.rps;
  const ratioPass = ratio >= TARGET_RATIO;
  const p99Pass = http.price.p99 <= TARGET_P99_MS;
  const non2xxPass = http.price.non2xx === 0;

  const rows = [
    ["Measure", "Value", "Unit", "Target", "Result"],
    ["core  priceCart throughput", int(core.cartsPerSecond), "carts/s", `>= ${int(TARGET_CARTS_PER_S)}`, verdict(corePass)],
    ["core  time per cart", core.microsPerCart.toFixed(2), "µs", "", ""],
    ["core  carts priced (timed)", int(core.priced), "carts", "", ""],
    ["bare  POST /api/bench/bare", int(http.bare.rps), "req/s", "", ""],
    ["bare  latency p50", String(http.bare.p50), "ms", "", ""],
    ["bare  latency p99", String(http.bare.p99), "ms", "", ""],
    ["price POST /api/v1/price", int(http.price.rps), "req/s", "", ""],
    ["price latency p50", String(http.price.p50), "ms", "", ""],
    ["price latency p99", String(http.price.p99), "ms", `<= ${TARGET_P99_MS}`, verdict(p99Pass)],
    ["price non-2xx answers", String(http.price.non2xx), "", "0", verdict(non2xxPass)],
    ["ratio price/bare req/s", ratio.toFixed(3), "", `>= ${TARGET_RATIO}`, verdict(ratioPass)],
  ];
  console.log("");
  console.log(table(rows));
  console.log("");
  console.log(
    `(${LINES}-line business cart; HTTP: ${HTTP_CONNECTIONS} connections × ${HTTP_DURATION_S} s, best of 2 rounds per endpoint, load generator on the same box)`,
  );
  const results = [corePass, p99Pass, non2xxPass, ratioPass];
  const passed = results.filter(Boolean).length;
  console.log(
    `Summary: ${passed}/${results.length} targets met — core ${int(core.cartsPerSecond)} carts/s ${verdict(corePass)}, ` +
      `price/bare ${ratio.toFixed(2)} ${verdict(ratioPass)}, price p99 ${http.price.p99} ms ${verdict(p99Pass)}, non-2xx ${http.price.non2xx} ${verdict(non2xxPass)}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
