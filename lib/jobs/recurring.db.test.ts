import { sampleCheckout } from "@/lib/testing/checkout";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { orders } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";
import { PAYMENT_WINDOW_MS } from "@/lib/orders/state";
import { completeSandboxPayment } from "@/lib/payments/sandbox/gateway";
import { createSandboxProvider } from "@/lib/payments/sandbox/provider";
import { startOrderPayment } from "@/lib/payments/start";
import { createInProcessQueue } from "./in-process";
import { RECURRING, scheduleRecurringJobs } from "./recurring";
import type { JobQueue } from "./types";

const secret = "recurring-test-secret-".padEnd(40, "x");
const checkout = sampleCheckout;

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The recurring jobs as the server registers them (instrumentation.ts), on the in-process runner.
describe(`the recurring jobs on ${testBackend}`, () => {
  let handle: DbHandle;
  let queue: JobQueue;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => {
    await queue?.stop();
    await handle.close();
  });

  it("registers the expiry sweep and the reconciliation, which at start-up expire a stale order and complete a lost notification's", async () => {
    const db = handle.db;
    const provider = createSandboxProvider({ db: async () => db, secret });
    const stale = await placeOrder(db, checkout(), {
      userId: "stale-buyer",
      locale: "en",
      now: new Date(Date.now() - PAYMENT_WINDOW_MS - 60_000),
    });
    const paid = await placeOrder(db, checkout(), { userId: "paying-buyer", locale: "en", now: new Date() });
    if (!stale.ok || !paid.ok) throw new Error("placeOrder failed");
    const started = await startOrderPayment(db, provider, { orderId: paid.orderId, userId: "paying-buyer", now: new Date() });
    if (!started.ok) throw new Error(started.error);
    // The gateway took the money; its notification never arrived.
    await completeSandboxPayment(db, {
      paymentRef: started.paymentRef,
      outcome: "succeeded",
      secret,
      now: new Date(),
      deliver: async () => {},
    });

    queue = createInProcessQueue();
    await scheduleRecurringJobs(queue, { db, provider });
    await expect(queue.schedule(RECURRING.expireStaleOrders.name, { everySeconds: 60 }, async () => {})).rejects.toThrow(/already/);
    await queue.start();
    const statusOf = async (id: string) => (await rowsWhere(db, orders, { id }))[0]?.status;
    await until(async () => (await statusOf(stale.orderId)) === "expired");
    await until(async () => (await statusOf(paid.orderId)) === "fulfilled");
  });
});
