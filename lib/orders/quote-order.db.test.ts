import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { Db, DbHandle } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { revokeQuote } from "@/lib/quotes/lifecycle";
import { createQuote, issueRevision, type CreateQuoteParams } from "@/lib/quotes/store";
import { quotes, user } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import type { CartInput } from "@/lib/pricing/types";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { placeOrder } from "./place-order";
import { expireIfStale, LATE_PAYMENT, PAYMENT_WINDOW_MS, transitionOrder } from "./state";

const DAY = 24 * 3600_000;
const now = new Date("2026-11-22T04:00:00Z");
const quoted: CartInput = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};

function checkout(token: string, over: Partial<CheckoutInput> = {}): CheckoutInput {
  const cart = over.cart ?? quoted;
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: "47239.20",
    consents: agreementsFor(cart.edition).map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "杭州示例科技有限公司", contactName: "王芳", mobile: "13800138000", email: "wang@example.cn" },
    invoice: { type: "none" },
    quoteToken: token,
    ...over,
  };
}

describe(`ordering from a quote on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const rep = `rep-${randomUUID()}`;
  const issue = async (change: Partial<CreateQuoteParams> = {}) =>
    createQuote(db, {
      createdBy: rep,
      customerName: "杭州示例科技有限公司",
      customerEmail: "wang@example.cn",
      cart: quoted,
      catalogVersion: "2026-11-01",
      discountPercent: "10",
      negotiatedSeatPrice: null,
      buyerMayEdit: false,
      expiresAt: new Date(now.getTime() + 30 * DAY),
      requiresApproval: false,
      now,
      ...change,
    });
  const place = (input: unknown, userId = `buyer-${randomUUID()}`, at = now) => placeOrder(db, input, { userId, locale: "en", now: at });
  const statusOf = async (id: string) => (await rowsWhere(db, quotes, { id }))[0]?.status;

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values({ id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" });
  });
  afterAll(async () => handle.close());

  it("prices the order from the stored quote: 10% off business 30 + large-meeting-500 is 47,239.20, and converts the quote", async () => {
    const { quote, token } = await issue();
    const result = await place(checkout(token), "buyer-a");
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    const stored = await getOrderForUser(db, { orderId: result.orderId, userId: "buyer-a" });
    expect(stored?.order).toMatchObject({ total: "47239.20", quoteId: quote.id, quoteVersion: 1, catalogVersion: "2026-11-01" });
    expect(stored?.lines.map((l) => [l.kind, l.sku, l.amount])).toEqual([
      ["seats", "business", "41700.00"],
      ["addon", "large-meeting-500", "10788.00"],
      ["adjustment", `quote-discount:${quote.number}`, "-5248.80"],
    ]);
    expect(await statusOf(quote.id)).toBe("converted");
  });

  it("a repeat of the same submission finds the same order; anyone else finds the quote taken", async () => {
    const { token } = await issue();
    const input = checkout(token);
    const first = await place(input, "buyer-b");
    const again = await place(input, "buyer-b");
    expect(first.ok && again.ok && again.orderId === first.orderId && !again.created).toBe(true);
    expect(await place(checkout(token), "buyer-c")).toEqual({ ok: false, error: "QUOTE_UNAVAILABLE", reason: "CONVERTED" });
  });

  it("ten buyers accepting one quote at once make exactly one order", async () => {
    const { token } = await issue();
    const results = await Promise.all(Array.from({ length: 10 }, () => place(checkout(token))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "QUOTE_UNAVAILABLE")).toBe(true);
  });

  it.each([
    ["a tampered total", (t: string) => checkout(t, { expectedTotal: "1.00" }), { error: "PRICE_CHANGED", total: "47239.20" }],
    ["the list total (discount dropped)", (t: string) => checkout(t, { expectedTotal: "52488.00" }), { error: "PRICE_CHANGED" }],
    ["a changed cart on a locked quote", (t: string) => checkout(t, { cart: { ...quoted, seats: 31 } }), { error: "QUOTE_LOCKED" }],
    ["a voucher on top", (t: string) => checkout(t, { voucher: "SAVE10" }), { error: "VOUCHER_WITH_QUOTE" }],
    [
      "a unit price sent along",
      (t: string) => checkout(t, { cart: { ...quoted, addons: [{ sku: "large-meeting-500", quantity: 1, unitPrice: "1.00" } as never] } }),
      { error: "INVALID_SHAPE" },
    ],
  ])("refuses %s and leaves the quote open", async (_, build, expected) => {
    const { quote, token } = await issue();
    expect(await place(build(token))).toMatchObject({ ok: false, ...expected });
    expect(await statusOf(quote.id)).toBe("sent");
  });

  it.each([
    ["a forged token", async () => ({ token: "A".repeat(43) }), "UNKNOWN"],
    ["a malformed token", async () => ({ token: "../../etc/passwd" }), "MALFORMED"],
    [
      "a revoked quote",
      async () => {
        const q = await issue();
        await revokeQuote(db, { quoteId: q.quote.id, now });
        return q;
      },
      "REVOKED",
    ],
    [
      "a superseded link",
      async () => {
        const q = await issue();
        await issueRevision(db, { quoteId: q.quote.id, changes: { discountPercent: "5" }, requiresApproval: false, now });
        return q;
      },
      "SUPERSEDED",
    ],
    ["a quote waiting for approval", async () => issue({ discountPercent: "30", requiresApproval: true }), "PENDING_APPROVAL"],
  ])("refuses %s", async (_, make, reason) => {
    const { token } = await make();
    expect(await place(checkout(token))).toEqual({ ok: false, error: "QUOTE_UNAVAILABLE", reason });
  });

  it("refuses an expired quote, judged on the request's clock", async () => {
    const { token } = await issue({ expiresAt: new Date(now.getTime() + DAY) });
    expect(await place(checkout(token), undefined, new Date(now.getTime() + DAY))).toEqual({
      ok: false,
      error: "QUOTE_UNAVAILABLE",
      reason: "EXPIRED",
    });
  });

  it("an editable quote keeps its discount on the buyer's own cart, within the rules and the quoted edition", async () => {
    const { token } = await issue({ buyerMayEdit: true });
    const bigger: CartInput = { ...quoted, seats: 40 };
    // 40 × 1,390 + 10,788 = 66,388.00; 10% off = 59,749.20
    expect(await place(checkout(token, { cart: bigger, expectedTotal: "59749.20" }))).toMatchObject({ ok: true });
    const other = await issue({ buyerMayEdit: true });
    const pro: CartInput = { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] };
    expect(await place(checkout(other.token, { cart: pro, expectedTotal: "2667.60" }))).toEqual({ ok: false, error: "QUOTE_LOCKED" });
    const broken: CartInput = { ...quoted, seats: 30, addons: [{ sku: "large-meeting-500", quantity: 31 }] };
    expect(await place(checkout(other.token, { cart: broken }))).toMatchObject({ ok: false, error: "CART_INVALID" });
  });

  it("an editable quote at a negotiated price keeps the billing unit it was agreed in", async () => {
    const monthly: CartInput = { edition: "enterprise", seats: 300, term: { unit: "month", count: 11 }, addons: [] };
    const { token } = await issue({ cart: monthly, buyerMayEdit: true, discountPercent: "0", negotiatedSeatPrice: "100" });
    // Per month the agreed price holds for any number of months: 300 × 100 × 6 = 180,000.00.
    expect(
      await place(checkout(token, { cart: { ...monthly, term: { unit: "month", count: 6 } }, expectedTotal: "180000.00" })),
    ).toMatchObject({ ok: true });
    const other = await issue({ cart: monthly, buyerMayEdit: true, discountPercent: "0", negotiatedSeatPrice: "100" });
    // Moving a per-month price to a yearly term would charge ¥100 a year: refused.
    expect(
      await place(checkout(other.token, { cart: { ...monthly, term: { unit: "year", count: 1 } }, expectedTotal: "30000.00" })),
    ).toEqual({ ok: false, error: "QUOTE_LOCKED" });
  });

  it("a resubmission under the converting order's key with another body is a conflict", async () => {
    const { token } = await issue();
    const input = checkout(token);
    expect(await place(input, "buyer-k")).toMatchObject({ ok: true, created: true });
    const changed = { ...input, organisation: { ...input.organisation, contactName: "李雷" } };
    expect(await place(changed, "buyer-k")).toEqual({ ok: false, error: "IDEMPOTENCY_CONFLICT" });
  });

  it("a late payment on an order that expired takes its quote back", async () => {
    const { quote, token } = await issue();
    const result = await place(checkout(token));
    if (!result.ok) throw new Error("order not placed");
    const later = new Date(now.getTime() + PAYMENT_WINDOW_MS);
    await expireIfStale(db, { orderId: result.orderId, now: later });
    expect(await statusOf(quote.id)).toBe("opened");
    const paid = await db.transaction((tx) =>
      transitionOrder(tx, { orderId: result.orderId, to: "paid", cause: LATE_PAYMENT, now: later }),
    );
    expect(paid.ok).toBe(true);
    expect(await statusOf(quote.id)).toBe("converted");
    expect(await place(checkout(token))).toEqual({ ok: false, error: "QUOTE_UNAVAILABLE", reason: "CONVERTED" });
  });

  it("an order from the quote that expires unpaid hands the quote back", async () => {
    const { quote, token } = await issue();
    const result = await place(checkout(token));
    expect(await statusOf(quote.id)).toBe("converted");
    if (!result.ok) throw new Error("order not placed");
    expect(await expireIfStale(db, { orderId: result.orderId, now: new Date(now.getTime() + PAYMENT_WINDOW_MS) })).toBe(true);
    expect(await statusOf(quote.id)).toBe("opened");
    expect(await place(checkout(token))).toMatchObject({ ok: true, created: true });
  });
});
