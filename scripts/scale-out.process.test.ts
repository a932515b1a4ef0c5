// Scale-out (issue 11, item 11): two `next start` on one fresh PostgreSQL database behind a round-robin proxy,
// sharing their secrets. The concurrency suite runs split across the two: one idempotency key, one single-use
// voucher, one quote, 20 duplicate payment notifications; and a recurring job runs once across both. Needs the
// production build and a PostgreSQL (TEST_DATABASE_URL, whose role may create databases): .ci/run runs it as its
// own step; vitest.process.config.ts leaves it out of `npm test` only when no PostgreSQL is configured.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import { createDb, type DbHandle } from "@/lib/db/client";
import { countOrders } from "@/lib/db/queries/orders";
import { createVoucher } from "@/lib/db/queries/vouchers";
import { orderEvents, orders, paymentNotifications, quotes, serviceItems, user, vouchers } from "@/lib/db/schema";
import { rowsWhere } from "@/lib/db/testing";
import { RECURRING } from "@/lib/jobs/recurring";
import { placeOrder } from "@/lib/orders/place-order";
import { PAYMENT_WINDOW_MS } from "@/lib/orders/state";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { createSandboxProvider } from "@/lib/payments/sandbox/provider";
import { startOrderPayment } from "@/lib/payments/start";
import { createQuote } from "@/lib/quotes/store";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { actionId, actionResult, encodeArgs } from "./lib/actions-over-http";

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) throw new Error("the scale-out test needs a PostgreSQL: set TEST_DATABASE_URL (a role that may create databases)");

const PROXY = Number(process.env.SCALE_OUT_PORT ?? 3953);
const SERVERS = [PROXY + 1, PROXY + 2];
const base = `http://127.0.0.1:${PROXY}`;
const database = `quorum_scale_out_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
})();
// What every instance must share (README, "Scale-out").
const shared = {
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
  SANDBOX_PAYMENT_SECRET: randomBytes(32).toString("base64"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

// The proxy: round-robin over the two servers, counting what each served.
const served = new Map<number, number>(SERVERS.map((p) => [p, 0]));
let turn = 0;
const proxy = http.createServer((req, res) => {
  const port = SERVERS[turn++ % SERVERS.length]!;
  served.set(port, served.get(port)! + 1);
  const upstream = http.request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  upstream.on("error", () => res.writeHead(502).end());
  req.pipe(upstream);
});
/** Runs `fn`, then checks both servers took part in it. */
async function onBoth<T>(fn: () => Promise<T>): Promise<T> {
  const before = SERVERS.map((p) => served.get(p)!);
  const result = await fn();
  SERVERS.forEach((p, i) => expect(served.get(p)! - before[i]!, `server on ${p} took no part`).toBeGreaterThan(0));
  return result;
}

const servers: { child: ChildProcess; output: () => string }[] = [];
const dirs: string[] = [];
function nextStart(port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "scale-out-"));
  dirs.push(dir);
  // Every request comes from this one test through the proxy: scaled limits (as in playwright.config.ts) so
  // the suite's dozens of placements are not refused as one abusive client; they are still counted, shared in the database.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...shared,
    DATABASE_URL: dbUrl,
    DATA_DIR: dir,
    NEXT_TELEMETRY_DISABLED: "1",
    QUORUM_RATE_LIMITS: "100",
  };
  delete env.QUORUM_TEST_CLOCK;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  servers.push({ child, output: () => output });
}
const stop = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      });

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${servers.map((s) => s.output()).join("\n---\n")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A server action over HTTP, as the browser calls it (scripts/lib/actions-over-http.ts): its argument as JSON.
async function callAction<R>(id: string, cookie: string, input: unknown, page = "/buy"): Promise<R> {
  const { body, contentType } = encodeArgs({ json: [input] });
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": contentType!, accept: "text/x-component", origin: base, cookie },
    body,
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return actionResult<R>(text) as R;
}

async function signUp(email: string): Promise<{ cookie: string; userId: string }> {
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name: "扩容买家", email, password: "correct horse battery" }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const [row] = await rowsWhere(handle.db, user, { email });
  return { cookie, userId: row!.id };
}

const cart = {
  edition: "business",
  seats: 30,
  term: { unit: "year" as const, count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};
const checkout = (over: Partial<CheckoutInput> = {}): CheckoutInput => ({
  idempotencyKey: randomUUID(),
  cart,
  expectedTotal: "52488.00",
  consents: agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version })),
  organisation: { organisationName: "杭州示例科技有限公司", contactName: "王芳", mobile: "13800138000", email: "wang@example.cn" },
  invoice: { type: "none" },
  ...over,
});
type Placed = { ok: true; orderUrl: string } | { ok: false; error: string };
const orderIdOf = (r: Placed) => (r.ok ? r.orderUrl.replace("/orders/", "") : undefined);

let handle: DbHandle;
let buyer: { cookie: string; userId: string };
let place: (input: CheckoutInput) => Promise<Placed>;

beforeAll(async () => {
  expect(existsSync(".next/BUILD_ID"), "run `next build` first").toBe(true);
  await admin((c) => c.query(`drop database if exists ${database} with (force)`).then(() => c.query(`create database ${database}`)));
  // Both start at once on the empty database: migrating it is their first race.
  SERVERS.forEach(nextStart);
  await new Promise<void>((resolve) => proxy.listen(PROXY, "127.0.0.1", resolve));
  for (const port of SERVERS) {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/pricing`)).status === 200, 180_000, `the server on ${port}`);
  }
  handle = createDb({ url: dbUrl });
  buyer = await signUp(`scale-${randomUUID()}@example.com`);
  const id = actionId("lib/actions/place-order.ts", "placeOrderAction");
  place = (input) => callAction<Placed>(id, buyer.cookie, input);
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => stop(s.child)));
  await new Promise((r) => proxy.close(r));
  await handle?.close();
  // Wait for every session (ours closing, the servers') to leave, so dropping it ends nobody's connection.
  await until(
    () => admin(async (c) => (await c.query("select 1 from pg_stat_activity where datname = $1", [database])).rowCount === 0),
    15_000,
    "the database's sessions to end",
  ).catch(() => {});
  await admin((c) => c.query(`drop database if exists ${database} with (force)`));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("two servers on one PostgreSQL behind a proxy", () => {
  it("a session made on one server is honoured by the other", async () => {
    const pages = await onBoth(() =>
      Promise.all(SERVERS.map(() => fetch(`${base}/console/orders`, { headers: { cookie: buyer.cookie }, redirect: "manual" }))),
    );
    expect(pages.map((p) => p.status)).toEqual([200, 200]);
  });

  it("one idempotency key placed 10 times through both makes one order", async () => {
    const input = checkout();
    const results = await onBoth(() => Promise.all(Array.from({ length: 10 }, () => place(input))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map(orderIdOf)).size).toBe(1);
    expect(await rowsWhere(handle.db, orders, { idempotencyKey: input.idempotencyKey })).toHaveLength(1);
  });

  it("one single-use voucher raced by 10 checkouts through both is redeemed once", async () => {
    const ordersBefore = await countOrders(handle.db, { userId: buyer.userId });
    await createVoucher(handle.db, {
      input: { code: "SCALE-RACE", kind: "percent", percent: 10, singleUse: true },
      createdBy: "operator",
      now: new Date(),
    });
    const results = await onBoth(() =>
      Promise.all(Array.from({ length: 10 }, () => place(checkout({ voucher: "SCALE-RACE", expectedTotal: "47239.20" })))),
    );
    const placed = results.filter((r) => r.ok);
    expect(placed).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "VOUCHER_USED")).toHaveLength(9);
    const [voucher] = await rowsWhere(handle.db, vouchers, { code: "SCALE-RACE" });
    expect(voucher?.redeemedOrderId).toBe(orderIdOf(placed[0]!));
    expect(await countOrders(handle.db, { userId: buyer.userId })).toBe(ordersBefore + 1);
  });

  it("one quote accepted by 10 checkouts through both converts once, into one order", async () => {
    const rep = `rep-${randomUUID()}`;
    await handle.db.insert(user).values({ id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" });
    const { quote, token } = await createQuote(handle.db, {
      createdBy: rep,
      customerName: "杭州示例科技有限公司",
      customerEmail: "wang@example.cn",
      cart,
      catalogVersion: "2026-11-01",
      discountPercent: "10",
      negotiatedSeatPrice: null,
      buyerMayEdit: false,
      expiresAt: new Date(Date.now() + 30 * 24 * 3600_000),
      requiresApproval: false,
      now: new Date(),
    });
    const results = await onBoth(() =>
      Promise.all(Array.from({ length: 10 }, () => place(checkout({ quoteToken: token, expectedTotal: "47239.20" })))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "QUOTE_UNAVAILABLE")).toHaveLength(9);
    expect((await rowsWhere(handle.db, quotes, { id: quote.id }))[0]?.status).toBe("converted");
    expect(await rowsWhere(handle.db, orders, { quoteId: quote.id })).toHaveLength(1);
  });

  it("20 duplicate payment notifications spread over both fulfil the order once", async () => {
    const orderId = orderIdOf(await place(checkout()))!;
    const provider = createSandboxProvider({ db: async () => handle.db, secret: shared.SANDBOX_PAYMENT_SECRET });
    const started = await startOrderPayment(handle.db, provider, { orderId, userId: buyer.userId, now: new Date() });
    if (!started.ok) throw new Error(`payment did not start: ${started.error}`);
    let sent: { headers: Headers; rawBody: string } | undefined;
    await completeSandboxPayment(handle.db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret: shared.SANDBOX_PAYMENT_SECRET,
      now: new Date(),
      deliver: async (n) => void (sent = n),
    });
    const notification = sent!;
    const answers = await onBoth(() =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${base}/api/payments/sandbox/notify`, {
            method: "POST",
            headers: Object.fromEntries(notification.headers),
            body: notification.rawBody,
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const events = await rowsWhere(handle.db, orderEvents, { orderId });
    expect(events.filter((e) => e.toStatus === "paid")).toHaveLength(1);
    expect(events.filter((e) => e.toStatus === "fulfilled")).toHaveLength(1);
    expect((await rowsWhere(handle.db, orders, { id: orderId }))[0]?.status).toBe("fulfilled");
    expect(await rowsWhere(handle.db, paymentNotifications, { paymentRef: started.paymentRef })).toHaveLength(1);
    const items = await rowsWhere(handle.db, serviceItems, { sourceOrderId: orderId });
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.sku)).size).toBe(items.length);
  });

  it("the expiry sweep runs once per period across both servers, and expires a stale order once", async () => {
    // The buyer has an organisation by now (the paid order above): this order makes a new one.
    const stale = await placeOrder(handle.db, checkout({ upgrade: { method: "new" } }), {
      userId: buyer.userId,
      locale: "zh-CN",
      now: new Date(Date.now() - PAYMENT_WINDOW_MS - 60_000),
    });
    if (!stale.ok) throw new Error(`placeOrder failed: ${stale.error}`);
    const name = RECURRING.expireStaleOrders.name;
    const jobs = new Client({ connectionString: dbUrl });
    await jobs.connect();
    type JobRow = { singleton_on: Date; state: string; retry_count: number; output: { expired?: number } | null };
    // pg-boss's own record of the job (completed ones move to the archive later).
    const runs = async () =>
      (
        await jobs.query<JobRow>(
          `select singleton_on, state, retry_count, output from pgboss.job where name = $1
           union all select singleton_on, state, retry_count, output from pgboss.archive where name = $1`,
          [name],
        )
      ).rows;
    const expiredBy = (rows: JobRow[]) => rows.filter((r) => r.state === "completed").reduce((n, r) => n + (r.output?.expired ?? 0), 0);
    try {
      // The next period's run (at most 60 s away) finds it.
      await until(async () => expiredBy(await runs()) > 0, 90_000, "the sweep to expire the stale order");
      const rows = await runs();
      // One job per period slot although both servers schedule it, each run once, and one order expired in all.
      const slots = rows.map((r) => r.singleton_on.getTime());
      expect(new Set(slots).size).toBe(slots.length);
      expect(rows.filter((r) => r.state === "completed").length).toBeGreaterThanOrEqual(2);
      expect(rows.every((r) => r.retry_count === 0)).toBe(true);
      expect(expiredBy(rows)).toBe(1);
    } finally {
      await jobs.end();
    }
    expect((await rowsWhere(handle.db, orders, { id: stale.orderId }))[0]?.status).toBe("expired");
    const expiredEvents = (await rowsWhere(handle.db, orderEvents, { orderId: stale.orderId })).filter((e) => e.toStatus === "expired");
    expect(expiredEvents).toHaveLength(1);
  }, 120_000);
});
