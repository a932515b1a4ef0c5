import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { getOrder } from "@/lib/db/queries/orders";
import { createVoucher } from "@/lib/db/queries/vouchers";
import { vouchers } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { markPaidAndFulfil } from "./fulfil";
import { placeOrder } from "./place-order";
import { cancelOrder, expireIfStale, PAYMENT_WINDOW_MS } from "./state";

// Issue 11 item 3: a single-use voucher is handed back when its order ends unpaid (expired or
// cancelled), in the same transaction, and a late payment takes it back, as quotes are.
const now = new Date("2026-11-22T04:00:00Z");
const later = new Date(now.getTime() + PAYMENT_WINDOW_MS);
const cart = {
  edition: "business",
  seats: 30,
  term: { unit: "year" as const, count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};
const DISCOUNTED = "47239.20";

function checkout(voucher: string): CheckoutInput {
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: DISCOUNTED,
    consents: agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
    invoice: { type: "none" },
    voucher,
  };
}

describe(`vouchers handed back with unpaid orders on ${testBackend}`, () => {
  let handle: DbHandle;
  let n = 0;
  const issue = async () => {
    const code = `BACK-${++n}`;
    await createVoucher(handle.db, { input: { code, kind: "percent", percent: 10, singleUse: true }, createdBy: "operator-1", now });
    return code;
  };
  const place = async (code: string, userId = `vr-buyer-${++n}`, at = now) => {
    const result = await placeOrder(handle.db, checkout(code), { userId, locale: "en", now: at });
    return { result, userId };
  };
  const placed = async (code: string) => {
    const { result, userId } = await place(code);
    if (!result.ok) throw new Error(`order not placed: ${JSON.stringify(result)}`);
    return { orderId: result.orderId, userId };
  };
  const redeemedBy = async (code: string) => (await rowsWhere(handle.db, vouchers, { code }))[0]?.redeemedOrderId ?? null;
  const pay = (orderId: string, at: Date) =>
    markPaidAndFulfil(handle.db, { orderId, paymentRef: `pay-${orderId}`, amount: DISCOUNTED, now: at, cause: "payment_notification" });

  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  it("an order that expires unpaid hands its voucher back: another checkout can use it", async () => {
    const code = await issue();
    const { orderId } = await placed(code);
    expect(await redeemedBy(code)).toBe(orderId);
    expect((await place(code)).result).toEqual({ ok: false, error: "VOUCHER_USED" });
    expect(await expireIfStale(handle.db, { orderId, now: later })).toBe(true);
    expect(await redeemedBy(code)).toBeNull();
    const [row] = await rowsWhere(handle.db, vouchers, { code });
    expect(row?.redeemedAt).toBeNull();
    const second = await place(code, undefined, later);
    expect(second.result).toMatchObject({ ok: true, created: true });
    expect(await redeemedBy(code)).toBe(second.result.ok ? second.result.orderId : "");
  });

  it("an order the buyer cancels unpaid hands its voucher back", async () => {
    const code = await issue();
    const { orderId, userId } = await placed(code);
    expect(await cancelOrder(handle.db, { orderId, userId, now })).toEqual({ ok: true });
    expect(await redeemedBy(code)).toBeNull();
    expect((await place(code)).result).toMatchObject({ ok: true, created: true });
  });

  it("a refused cancellation (another buyer's order) keeps the voucher redeemed", async () => {
    const code = await issue();
    const { orderId } = await placed(code);
    expect(await cancelOrder(handle.db, { orderId, userId: "someone-else", now })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await redeemedBy(code)).toBe(orderId);
  });

  it("a paid order keeps its voucher; a later expiry attempt changes nothing", async () => {
    const code = await issue();
    const { orderId } = await placed(code);
    expect(await pay(orderId, now)).toMatchObject({ ok: true });
    expect(await expireIfStale(handle.db, { orderId, now: later })).toBe(false);
    expect(await redeemedBy(code)).toBe(orderId);
  });

  it("a late payment on an expired order takes its voucher back, so it cannot discount a second order", async () => {
    const code = await issue();
    const { orderId } = await placed(code);
    await expireIfStale(handle.db, { orderId, now: later });
    expect(await redeemedBy(code)).toBeNull();
    expect(await pay(orderId, later)).toMatchObject({ ok: true });
    expect((await getOrder(handle.db, { orderId }))?.status).toBe("fulfilled");
    expect(await redeemedBy(code)).toBe(orderId);
    expect((await place(code, undefined, later)).result).toEqual({ ok: false, error: "VOUCHER_USED" });
  });

  it("a late payment after another order took the handed-back voucher: both orders stand, the voucher stays with the other", async () => {
    const code = await issue();
    const { orderId } = await placed(code);
    await expireIfStale(handle.db, { orderId, now: later });
    const other = await placed(code);
    expect(await pay(orderId, later)).toMatchObject({ ok: true });
    expect((await getOrder(handle.db, { orderId }))?.status).toBe("fulfilled");
    expect(await redeemedBy(code)).toBe(other.orderId);
  });

  it("expiry racing a payment: the voucher always ends with the paid order", async () => {
    for (let i = 0; i < 8; i++) {
      const code = await issue();
      const { orderId } = await placed(code);
      const [expired, paid] = await Promise.all([expireIfStale(handle.db, { orderId, now: later }), pay(orderId, later)]);
      expect(paid).toMatchObject({ ok: true });
      expect(typeof expired).toBe("boolean");
      expect((await getOrder(handle.db, { orderId }))?.status).toBe("fulfilled");
      expect(await redeemedBy(code)).toBe(orderId);
    }
  });

  it("a late payment racing a new checkout for the handed-back voucher: exactly one order holds it, the money is kept", async () => {
    for (let i = 0; i < 8; i++) {
      const code = await issue();
      const { orderId } = await placed(code);
      await expireIfStale(handle.db, { orderId, now: later });
      const [paid, { result: rival }] = await Promise.all([pay(orderId, later), place(code, undefined, later)]);
      expect(paid).toMatchObject({ ok: true });
      expect((await getOrder(handle.db, { orderId }))?.status).toBe("fulfilled");
      const holder = await redeemedBy(code);
      if (rival.ok) expect(holder).toBe(rival.orderId);
      else {
        expect(rival).toEqual({ ok: false, error: "VOUCHER_USED" });
        expect(holder).toBe(orderId);
      }
    }
  });
});
