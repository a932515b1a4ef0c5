// Part 2: POST /api/v1/price on the running production server against the bare app's route handler
// (scripts/bench/bare.ts, its own tiny Next.js app). On a host whose speed swings by a factor of two
// from one 5-second run to the next, few long runs give a ratio that swings as much: so after a
// discarded warm-up run per endpoint (the JIT's tier-up), many short pairs run back to back in ABBA
// order (bare, price), (price, bare), … so neither endpoint always runs first, and the ratio is the
// median of the pairs' ratios — one slow moment spoils one pair, not the result.
import { BARE_BASE, BARE_ROUTE } from "./bare";
import { median } from "./report";
import { BASE } from "./server";

export const HTTP_CONNECTIONS = 10;
export const HTTP_DURATION_S = 2;
export const HTTP_ROUNDS = 16;
const WARM_UP_S = 5;

export interface HttpRound {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const BARE_URL = `${BARE_BASE}${BARE_ROUTE}`;
const PRICE_URL = `${BASE}/api/v1/price`;

async function post(url: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
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
  const bare = await post(BARE_URL, body);
  if (bare.status !== 200) throw new Error(`POST ${BARE_URL} answered ${bare.status}`);
  const priced = await post(PRICE_URL, body);
  if (priced.status !== 200) throw new Error(`POST /api/v1/price answered ${priced.status}: ${JSON.stringify(priced.json)}`);
  const total = (priced.json as { total?: unknown }).total;
  if (total !== expectedTotal) throw new Error(`POST /api/v1/price total ${String(total)}, expected ${expectedTotal}`);
  // A discarded run per endpoint at the measured concurrency (the JIT's tier-up); every answer must be a 200.
  for (const url of [BARE_URL, PRICE_URL]) {
    const run = await load(url, body, WARM_UP_S);
    if (run.non2xx > 0 || run.errors > 0 || run.timeouts > 0) {
      throw new Error(`Warm-up POST ${url}: ${run.non2xx} non-2xx answers, ${run.errors} errors, ${run.timeouts} timeouts`);
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

async function load(url: string, body: string, duration = HTTP_DURATION_S): Promise<HttpRound> {
  const { default: autocannon } = (await import(AUTOCANNON)) as { default: Autocannon };
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: HTTP_CONNECTIONS,
    duration,
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

export interface HttpResult {
  rounds: { bare: HttpRound; price: HttpRound }[];
  /** Median over the rounds of price req/s ÷ bare req/s (each round's pair ran back to back, in ABBA order). */
  ratio: number;
  bare: { rps: number; p99: number };
  /** Medians over the rounds; non2xx summed. */
  price: { rps: number; p50: number; p99: number; non2xx: number };
}

/** Warm-up, then HTTP_ROUNDS pairs of runs in ABBA order. Needs both servers running. */
export async function benchHttp(body: string, expectedTotal: string): Promise<HttpResult> {
  await warmUp(body, expectedTotal);
  process.stderr.write(
    `HTTP: ${HTTP_CONNECTIONS} connections, ${WARM_UP_S} s warm-up each, then ${HTTP_ROUNDS} pairs of ${HTTP_DURATION_S} s runs in ABBA order …\n`,
  );
  const rounds: HttpResult["rounds"] = [];
  for (let i = 0; i < HTTP_ROUNDS; i++) {
    const bareFirst = i % 2 === 0;
    const first = await load(bareFirst ? BARE_URL : PRICE_URL, body);
    const second = await load(bareFirst ? PRICE_URL : BARE_URL, body);
    const [bare, price] = bareFirst ? [first, second] : [second, first];
    for (const [name, run] of [
      ["bare", bare],
      ["price", price],
    ] as const) {
      process.stderr.write(
        `  ${String(i + 1).padStart(2)} ${name.padEnd(5)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  non2xx ${run.non2xx}  errors ${run.errors}${name === "price" ? `  ratio ${(price.rps / bare.rps).toFixed(3)}` : ""}\n`,
      );
      if (run.errors > 0 || run.timeouts > 0) throw new Error(`${name}: ${run.errors} errors, ${run.timeouts} timeouts`);
      if (run.requests === 0) throw new Error(`${name}: no requests completed`);
    }
    rounds.push({ bare, price });
  }
  return {
    rounds,
    ratio: median(rounds.map((r) => r.price.rps / r.bare.rps)),
    bare: { rps: median(rounds.map((r) => r.bare.rps)), p99: median(rounds.map((r) => r.bare.p99)) },
    price: {
      rps: median(rounds.map((r) => r.price.rps)),
      p50: median(rounds.map((r) => r.price.p50)),
      p99: median(rounds.map((r) => r.price.p99)),
      non2xx: rounds.reduce((s, r) => s + r.price.non2xx, 0),
    },
  };
}
