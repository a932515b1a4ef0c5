// Part 2: POST /api/v1/price against a bare route handler, on the running production server.
import { BASE } from "./server";

export const HTTP_CONNECTIONS = 10;
export const HTTP_DURATION_S = 10;

export interface HttpRound {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
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

/** Warm-up, then bare/price twice each; the better round per endpoint. Needs the server running. */
export async function benchHttp(body: string, expectedTotal: string): Promise<{ bare: HttpRound; price: HttpRound }> {
  await warmUp(body, expectedTotal);
  process.stderr.write(`HTTP: ${HTTP_CONNECTIONS} connections, ${HTTP_DURATION_S} s per run, bare/price × 2 …\n`);
  const bare1 = await load("/api/bench/bare", body);
  const price1 = await load("/api/v1/price", body);
  const bare2 = await load("/api/bench/bare", body);
  const price2 = await load("/api/v1/price", body);
  for (const [name, run] of [
    ["bare", bare1],
    ["price", price1],
    ["bare", bare2],
    ["price", price2],
  ] as const) {
    process.stderr.write(
      `  ${name.padEnd(5)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  non2xx ${run.non2xx}  errors ${run.errors}\n`,
    );
    if (run.errors > 0 || run.timeouts > 0) throw new Error(`${name}: ${run.errors} errors, ${run.timeouts} timeouts`);
    if (run.requests === 0) throw new Error(`${name}: no requests completed`);
  }
  return { bare: better(bare1, bare2), price: better(price1, price2) };
}
