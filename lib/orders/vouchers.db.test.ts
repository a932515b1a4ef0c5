import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { countOrders, getOrderForUser } from "@/lib/db/queries/orders";
import { createVoucher, listVouchers, lookupVoucher } from "@/lib/db/queries/vouchers";
import { vouchers } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import type { CreateVoucherInput } from "@/lib/validations/voucher";
import { getServices } from "@/lib/db/queries/services";
import { markPaidAndFulfil } from "./fulfil";
import { placeOrder } from "./place-order";

const now = new Date("2026-11-22T04:00:00Z");
const cart = {
  edition: "business",
  seats: 30,
  term: { unit: "year" as const, count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};

function checkout(over: Partial<CheckoutInput> = {}): CheckoutInput {
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: "47239.20",
    consents: agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
    invoice: { type: "none" },
    voucher: "TEN-OFF",
    ...over,
  };
}

describe(`vouchers at checkout on ${testBackend}`, () => {
  let handle: DbHandle;
  const issue = (code: string, over: Partial<CreateVoucherInput> = {}) =>
    createVoucher(handle.db, { input: { code, kind: "percent", percent: 10, singleUse: true, ...over }, createdBy: "operator-1", now });
  const place = (input: unknown, userId: string) => placeOrder(handle.db, input, { userId, locale: "en", now });

  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  it("applies a 10% voucher: adjustment line stored, total after the voucher, voucher redeemed", async () => {
    expect(await issue("TEN-OFF")).toBe(true);
    expect(await issue("TEN-OFF")).toBe(false);
    const result = await place(checkout({ voucher: " ten-off " }), "v-buyer-1");
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    const stored = await getOrderForUser(handle.db, { orderId: result.orderId, userId: "v-buyer-1" });
    expect(stored?.order.total).toBe("47239.20");
    expect(stored?.lines.map((l) => [l.kind, l.sku, l.amount, l.formula])).toEqual([
      ["seats", "business", "41700.00", "30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00"],
      ["addon", "large-meeting-500", "10788.00", "1 × ¥10,788/licence/yr × 1 yr = ¥10,788.00"],
      ["adjustment", "voucher:TEN-OFF", "-5248.80", "¥52,488.00 × 10% = -¥5,248.80"],
    ]);
    const [row] = await rowsWhere(handle.db, vouchers, { code: "TEN-OFF" });
    expect(row).toMatchObject({ redeemedOrderId: result.orderId, redeemedAt: now });
    // A new checkout, by the same buyer or another, is refused.
    expect(await place(checkout(), "v-buyer-1")).toEqual({ ok: false, error: "VOUCHER_USED" });
    expect(await place(checkout(), "v-buyer-2")).toEqual({ ok: false, error: "VOUCHER_USED" });
    // Paying the discounted total provisions the bought lines only; the voucher line provisions nothing.
    const paid = await markPaidAndFulfil(handle.db, {
      orderId: result.orderId,
      paymentRef: "pay-v1",
      amount: "47239.20",
      now,
      cause: "payment_notification",
    });
    expect(paid).toMatchObject({ ok: true });
    const services = await getServices(handle.db, { organisationId: stored?.order.organisationId ?? "" });
    expect(services.map((s) => s.sku).sort()).toEqual(["business", "large-meeting-500"]);
    const [listed] = (await listVouchers(handle.db, { limit: 10 })).filter((v) => v.voucher.code === "TEN-OFF");
    expect(listed?.orderNumber).toBe(stored?.order.number);
  });

  it("finds the same order when the submission that redeemed the voucher is repeated", async () => {
    await issue("REPEAT-1");
    const input = checkout({ voucher: "REPEAT-1" });
    const first = await place(input, "v-buyer-3");
    const again = await place(input, "v-buyer-3");
    expect(first).toMatchObject({ ok: true, created: true });
    expect(again).toMatchObject({ ok: true, created: false, orderId: first.ok ? first.orderId : "" });
  });

  it.each([
    ["an unknown code", "NO-SUCH", "VOUCHER_UNKNOWN"],
    ["an expired voucher", "OLD-ONE", "VOUCHER_EXPIRED"],
  ])("refuses %s and stores nothing", async (_, code, error) => {
    await issue("OLD-ONE", { expiresAt: new Date(now.getTime() - 1000) });
    const userId = `v-${code}`;
    expect(await place(checkout({ voucher: code }), userId)).toEqual({ ok: false, error });
    expect(await countOrders(handle.db, { userId })).toBe(0);
  });

  it("checks the total after the voucher and refuses a missed minimum spend", async () => {
    await issue("CASH-100", { kind: "cash", amount: "100.00", percent: undefined, singleUse: false });
    expect(await place(checkout({ voucher: "CASH-100" }), "v-buyer-4")).toEqual({ ok: false, error: "PRICE_CHANGED", total: "52388.00" });
    expect(await place(checkout({ voucher: "CASH-100", expectedTotal: "52388.00" }), "v-buyer-4")).toMatchObject({ ok: true });
    // Not single-use: it stays usable.
    expect(await place(checkout({ voucher: "CASH-100", expectedTotal: "52388.00" }), "v-buyer-5")).toMatchObject({ ok: true });
    await issue("MIN-60K", { kind: "cash", amount: "100.00", percent: undefined, minimumSpend: "60000.00" });
    const refused = await place(checkout({ voucher: "MIN-60K", expectedTotal: "52388.00" }), "v-buyer-6");
    expect(refused).toMatchObject({ ok: false, error: "CART_INVALID", ruleErrors: [{ code: "VOUCHER_MIN_SPEND", path: "voucher" }] });
    expect((await lookupVoucher(handle.db, { code: "MIN-60K", now })).ok).toBe(true);
  });

  it("redeems a single-use voucher exactly once of 50 concurrent checkouts", async () => {
    await issue("RACE-50");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => place(checkout({ voucher: "RACE-50" }), `race-${i}`)));
    const placed = results.filter((r) => r.ok);
    expect(placed).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "VOUCHER_USED")).toHaveLength(49);
    const [row] = await rowsWhere(handle.db, vouchers, { code: "RACE-50" });
    expect(row?.redeemedOrderId).toBe(placed[0]?.ok ? placed[0].orderId : "");
    let orders = 0;
    for (let i = 0; i < 50; i++) orders += await countOrders(handle.db, { userId: `race-${i}` });
    expect(orders).toBe(1);
  });
});
