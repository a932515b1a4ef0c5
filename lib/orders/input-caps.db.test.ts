import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { countOrders } from "@/lib/db/queries/orders";
import { migratedDb, testBackend } from "@/lib/db/testing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { placeOrder } from "./place-order";

const now = new Date("2026-11-22T04:00:00Z");

function checkout(addons: CheckoutInput["cart"]["addons"]): CheckoutInput {
  const cart = { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons };
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: "41700.00",
    consents: agreementsFor(cart.edition).map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
    invoice: { type: "none" },
  };
}

// Issue 11 item 6: 6,000 lines answered 500 and 20,000 overflowed the stack; two lines of 999 rooms passed.
describe(`order size caps on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  it.each([
    ["6,000 lines", 6000, 1, "TOO_MANY_LINES", "addons"],
    ["20,000 lines", 20_000, 1, "TOO_MANY_LINES", "addons"],
    ["two lines of 999 rooms", 2, 999, "SKU_QUANTITY_LIMIT", "addons[1].quantity"],
  ])("%s: refused with its rule code, nothing stored", async (_, count, quantity, code, path) => {
    const before = await countOrders(handle.db, { userId: "buyer-caps" });
    const addons = Array.from({ length: count }, () => ({ sku: "rooms", quantity }));
    const result = await placeOrder(handle.db, checkout(addons), { userId: "buyer-caps", locale: "zh-CN", now });
    expect(result).toMatchObject({ ok: false, error: "CART_INVALID" });
    if (result.ok || result.error !== "CART_INVALID") return;
    expect(result.ruleErrors.map((e) => ({ code: e.code, path: e.path }))).toEqual([{ code, path }]);
    expect(result.ruleErrors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countOrders(handle.db, { userId: "buyer-caps" })).toBe(before);
  });
});
