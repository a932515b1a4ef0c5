// `npm run chaos [-- --count N --seed S --port P --report FILE]` (issue 11, item 1): against the
// production build (`next build` first), places N orders and pays each in the sandbox through the
// app's own HTTP endpoints (sign-up, the place-order, start-payment and sandbox-decision server
// actions), while SIGKILLing the server at seeded random moments and restarting it. After a last
// kill and restart the reconciliation worker runs; then, with the server stopped, it counts in the
// database: charged-but-unfulfilled orders, double fulfilments and half-written orders. Exits
// non-zero unless all are 0 and every journey completed. Env: CHAOS_COUNT, CHAOS_SEED, CHAOS_PORT.
// With --database-url (CHAOS_DATABASE_URL: a role that may create databases) the server runs on a fresh
// PostgreSQL database made for the run (as a scale-out instance does) instead of the embedded one.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { Client as PgClient } from "pg";
import { agreementsFor } from "@/lib/agreements";
import { actionId, HttpClient as Client } from "./lib/actions-over-http";

const { values: args } = parseArgs({
  options: {
    count: { type: "string" },
    seed: { type: "string" },
    port: { type: "string" },
    kills: { type: "string" },
    report: { type: "string" },
    "database-url": { type: "string" },
  },
});
const COUNT = Number(args.count ?? process.env.CHAOS_COUNT ?? 50);
const SEED = Number(args.seed ?? process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PORT = Number(args.port ?? process.env.CHAOS_PORT ?? 3948);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PARALLEL = 3;
// How many times the server is killed during the journeys (a last kill before the counts comes on top); 0 to debug one journey.
const KILLS = Number(args.kills ?? process.env.CHAOS_KILLS ?? Math.max(3, Math.ceil(COUNT / 6)));
const DEBUG = !!process.env.CHAOS_DEBUG;
const ADMIN_URL = args["database-url"] ?? process.env.CHAOS_DATABASE_URL;
/** The run's own PostgreSQL database, when ADMIN_URL is given. */
const postgres = ADMIN_URL
  ? (() => {
      const name = `quorum_chaos_${process.pid}`;
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      return { name, url: url.toString() };
    })()
  : undefined;
async function admin(sql: string): Promise<void> {
  const c = new PgClient({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
/**
 * Drops the run's database. `with (force)` cannot end a backend of another role (an autovacuum worker
 * still in it: "must be a member of the role whose process is being terminated"), so a refusal is tried
 * again as that worker finishes; cleanup never turns the run's verdict into a failure.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt === 20) {
        console.error(`chaos: database ${name} left behind: ${String(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
const debug = (line: string) => DEBUG && console.error(`[chaos] ${line}`);

/** mulberry32: the seeded random every kill moment comes from, so a run can be repeated. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Two streams, so the kill moments repeat with the seed whatever order the journeys draw in.
const random = seeded(SEED);
const randomSeats = seeded(SEED ^ 0x5eed);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- The server, killed and restarted ----

const dataDir = mkdtempSync(path.join(tmpdir(), "quorum-chaos-"));
let server: ChildProcess | undefined;
let up: Promise<void> = Promise.resolve();
let log = "";
let kills = 0;

function start(): Promise<void> {
  // Every request comes from this one script on 127.0.0.1: scaled limits (as in playwright.config.ts), still counted.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    QUORUM_RATE_LIMITS: "100",
  };
  delete env.DATABASE_URL;
  if (postgres) env.DATABASE_URL = postgres.url;
  delete env.QUORUM_TEST_CLOCK;
  // A process group of its own: `next start` serves from a child process, and a kill must take both.
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server = child;
  const collect = (c: Buffer) => {
    log += c.toString();
    if (DEBUG) process.stderr.write(c);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  up = (async () => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) while starting:\n${log.slice(-4000)}`);
      try {
        if ((await fetch(`${ORIGIN}/pricing`, { signal: AbortSignal.timeout(5000) })).status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not start in 120 s:\n${log.slice(-4000)}`);
      await sleep(200);
    }
  })();
  return up;
}

/** Signals the server's whole process group (it and the child that serves). */
function signal(child: ChildProcess, sig: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    // already gone
  }
}

/** Resolves once every process of the server's group has ended (the data folder and port are free). */
async function waitExit(child: ChildProcess): Promise<void> {
  for (;;) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

/** SIGKILL, as the power going out would, then start again; requests wait on `up` from the kill on. */
function killAndRestart(): Promise<void> {
  const child = server!;
  kills += 1;
  debug(`kill ${kills}`);
  signal(child, "SIGKILL");
  up = waitExit(child).then(start);
  return up;
}

// ---- One buyer's journey: place, start paying, pay on the hosted page — each step retried like a person would ----

const ids = {
  place: actionId("lib/actions/place-order.ts", "placeOrderAction"),
  startPayment: actionId("lib/actions/start-payment.ts", "startPayment"),
  decide: actionId("lib/actions/decide-sandbox-payment.ts", "decideSandboxPayment"),
};

/** Runs `step` until it answers, waiting for the server through kills; a step is idempotent, so a retry is safe. */
/** A step's answer that is not the one looked for: why, for the log, and the step is tried again. */
class Again {
  constructor(readonly why: string) {}
}

async function retry<T>(what: string, step: () => Promise<T | Again>): Promise<T> {
  let last = "";
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      await up;
      const result = await step();
      if (!(result instanceof Again)) return result;
      last = result.why;
    } catch (error) {
      // the server died under the request: wait for the restart and try again
      last = String((error as Error).cause ?? error);
    }
    debug(`${what}, attempt ${attempt}: ${last.slice(0, 300)}`);
    await sleep(200 + attempt * 100);
  }
  throw new Error(`${what}: no answer after 20 attempts (last: ${last.slice(0, 300)})`);
}

/** An answer that is not the one looked for, as a retry's reason. */
const unexpected = (r: { status: number; redirect?: string; text: string }) =>
  new Again(`HTTP ${r.status}${r.redirect ? ` → ${r.redirect}` : ""}: ${r.text.slice(0, 200)}`);

async function signUp(): Promise<Client> {
  const client = new Client(ORIGIN);
  const email = `chaos-${randomUUID()}@example.com`;
  await retry("sign-up", async () => {
    const r = await client.fetch("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "混沌买家", email, password: "chaos buyer password" }),
    });
    if (r.ok) return true;
    const first = `HTTP ${r.status}: ${(await r.text()).slice(0, 200)}`;
    // A sign-up that committed before a kill: sign in instead.
    const s = await client.fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "chaos buyer password" }),
    });
    return s.ok ? true : new Again(`${first}; sign-in HTTP ${s.status}: ${(await s.text()).slice(0, 200)}`);
  });
  return client;
}

const consents = agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version }));
const placed: string[] = [];

async function journey(client: Client, n: number): Promise<void> {
  const seats = 6 + Math.floor(randomSeats() * 40);
  const input = {
    idempotencyKey: randomUUID(),
    cart: { edition: "business", seats, term: { unit: "year", count: 1 }, addons: [] },
    expectedTotal: `${seats * 1390}.00`,
    consents,
    organisation: {
      organisationName: `混沌测试 ${n} 有限公司`,
      contactName: "混沌买家",
      mobile: "13800138000",
      email: "chaos@example.com",
    },
    invoice: { type: "none" },
    upgrade: { method: "new" },
  };
  const orderUrl = await retry("place order", async () => {
    const r = await client.action<{ ok: boolean; orderUrl?: string }>("/buy", ids.place, { json: [input] });
    return r.result?.ok && r.result.orderUrl ? r.result.orderUrl : unexpected(r);
  });
  placed.push(orderUrl.slice("/orders/".length));
  const payUrl = await retry("start payment", async () => {
    const r = await client.action(orderUrl, ids.startPayment, { form: { orderId: orderUrl.slice(8) }, prev: true });
    return r.redirect?.match(/^\/pay\/sandbox\/sbp_[0-9a-f]{32}$/)?.[0] ?? unexpected(r);
  });
  await retry("pay", async () => {
    const r = await client.action(payUrl, ids.decide, { form: { paymentRef: payUrl.split("/").pop()!, outcome: "pay" } });
    return r.redirect === orderUrl ? true : unexpected(r);
  });
  debug(`order ${n} paid: ${orderUrl}`);
}

// ---- The counts, read from the database with the server stopped ----

async function counts() {
  const db = postgres ? new PgClient({ connectionString: postgres.url }) : new PGlite(path.join(dataDir, "pglite"));
  if (db instanceof PgClient) await db.connect();
  const rows = async (sql: string): Promise<{ n: number }[]> =>
    db instanceof PgClient ? (await db.query<{ n: number }>(sql)).rows : (await db.query<{ n: number }>(sql)).rows;
  const one = async (sql: string) => Number((await rows(sql))[0]!.n);
  try {
    return {
      orders: await one(`select count(*)::int as n from orders`),
      charged: await one(`select count(*)::int as n from sandbox_payments where status = 'succeeded'`),
      // The gateway took the money, and the order is not fulfilled (nor listed for a refund).
      chargedButUnfulfilled: await one(`select count(*)::int as n from sandbox_payments s join orders o on o.id = s.order_id
        left join payments p on p.provider = 'sandbox' and p.payment_ref = s.payment_ref
        where s.status = 'succeeded' and o.status <> 'fulfilled' and coalesce(p.status, '') not in ('amount_mismatch', 'refunded')`),
      // Fulfilled twice: two fulfilment events, or more service items than the order has lines.
      doubleFulfilments: await one(`select count(*)::int as n from orders o where
        (select count(*) from order_events e where e.order_id = o.id and e.to_status = 'fulfilled') > 1
        or (select count(*) from service_items i where i.source_order_id = o.id)
           > (select count(*) from order_lines l where l.order_id = o.id and l.kind <> 'adjustment')`),
      // Half-written: an order without lines or consents or its first event, paid but not fulfilled, or fulfilled with nothing provisioned.
      halfWritten: await one(`select count(*)::int as n from orders o where
        not exists (select 1 from order_lines l where l.order_id = o.id)
        or not exists (select 1 from order_consents c where c.order_id = o.id)
        or not exists (select 1 from order_events e where e.order_id = o.id and e.to_status = 'pending_payment')
        or o.status = 'paid'
        or (o.status = 'fulfilled' and not exists (select 1 from service_items i where i.source_order_id = o.id))`),
    };
  } finally {
    await (db instanceof PgClient ? db.end() : db.close());
  }
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `next build` first");
  console.log(
    `chaos: ${COUNT} orders, ${KILLS} kills, seed ${SEED} (repeat with --seed ${SEED}), port ${PORT}, ` +
      (postgres ? `PostgreSQL database ${postgres.name}` : `data ${dataDir}`),
  );
  if (postgres) await admin(`create database ${postgres.name}`);
  await start();
  const buyers = await Promise.all(Array.from({ length: PARALLEL }, () => signUp()));

  // The killer: KILLS times, each at a seeded random moment 0.5–4 s after the server is up again.
  let running = true;
  const killer = (async () => {
    for (let k = 0; k < KILLS && running; k++) {
      await up.catch(() => {});
      await sleep(500 + Math.floor(random() * 3500));
      if (!running) break;
      await killAndRestart();
    }
  })();
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    buyers.map(async (client) => {
      for (let n = next++; n < COUNT; n = next++) await journey(client, n).catch((e: Error) => failures.push(`order ${n}: ${e.message}`));
    }),
  );
  running = false;
  await killer;

  // A last kill, then the restart's reconciliation pass (the worker logs it once done).
  const before = log.length;
  await killAndRestart();
  const deadline = Date.now() + 120_000;
  while (!/\[payments\] reconciliation at start-up: \d+ repaired/.test(log.slice(before))) {
    if (Date.now() > deadline) throw new Error(`no reconciliation pass after the restart:\n${log.slice(-4000)}`);
    await sleep(200);
  }
  const repaired = [...log.matchAll(/reconciliation at start-up: (\d+) repaired/g)].reduce((s, m) => s + Number(m[1]), 0);
  signal(server!, "SIGTERM");
  await waitExit(server!);

  const c = await counts();
  const ok = failures.length === 0 && placed.length === COUNT && c.orders === COUNT && c.charged === COUNT;
  const clean = c.chargedButUnfulfilled === 0 && c.doubleFulfilments === 0 && c.halfWritten === 0;
  console.log(`chaos: seed ${SEED}, ${kills} kills (SIGKILL), ${repaired} repaired by reconciliation at restarts`);
  console.log(`chaos: ${c.orders} orders placed, ${c.charged} charged at the gateway (of ${COUNT} journeys)`);
  console.log(`charged-but-unfulfilled orders: ${c.chargedButUnfulfilled}`);
  console.log(`double fulfilments: ${c.doubleFulfilments}`);
  console.log(`half-written orders: ${c.halfWritten}`);
  for (const f of failures) console.log(`journey failed: ${f}`);
  const passed = ok && clean;
  console.log(passed ? "chaos: PASS" : "chaos: FAIL");
  if (args.report) {
    mkdirSync(path.dirname(args.report), { recursive: true });
    // Vitest's JSON shape, so scripts/lib/summary.mjs counts the run in the closing `tests:` line.
    writeFileSync(args.report, JSON.stringify({ numPassedTests: passed ? 1 : 0, numFailedTests: passed ? 0 : 1, numRuntimeErrorCount: 0 }));
  }
  return passed;
}

main()
  .then(async (passed) => {
    rmSync(dataDir, { recursive: true, force: true });
    if (postgres) await dropDatabase(postgres.name);
    process.exit(passed ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error("chaos:", error);
    if (server) signal(server, "SIGKILL");
    if (args.report) mkdirSync(path.dirname(args.report), { recursive: true });
    if (args.report)
      writeFileSync(args.report, JSON.stringify({ numPassedTests: 0, numFailedTests: 1, numRuntimeErrorCount: 0 }), { flag: "w" });
    process.exit(1);
  });
