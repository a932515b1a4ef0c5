import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import { catalog } from "@/lib/catalog";
import type { Db, DbHandle } from "@/lib/db/client";
import { getOrderForUser, listOrderSummariesForUser } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import { createProofUpload } from "@/lib/db/queries/proof-uploads";
import { getServices } from "@/lib/db/queries/services";
import { decideVerification, getVerificationForOrder } from "@/lib/db/queries/verifications";
import { createVoucher } from "@/lib/db/queries/vouchers";
import { quotes, user, vouchers } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import { createSandboxProvider } from "@/lib/payments/sandbox/provider";
import { startOrderPayment } from "@/lib/payments/start";
import type { CartInput } from "@/lib/pricing/types";
import { createQuote } from "@/lib/quotes/store";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { ZERO_TOTAL } from "./fulfil";
import { orderLinesIn } from "./lines-view";
import { canPay } from "./payability";
import { placeOrder } from "./place-order";
import { BUYER_CANCELLED, cancelOrder, expireIfStale, expireStaleOrders } from "./state";
import { paymentDeadline } from "./window";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const now = new Date("2026-11-22T04:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * MIN);
const business: CartInput = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};
const pro1: CartInput = { edition: "pro", seats: 1, term: { unit: "year", count: 1 }, addons: [] };

function checkout(over: Partial<CheckoutInput> = {}): CheckoutInput {
  const cart = over.cart ?? business;
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: "52488.00",
    consents: agreementsFor(cart.edition).map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "杭州示例科技有限公司", contactName: "王芳", mobile: "13800138000", email: "wang@example.cn" },
    invoice: { type: "none" },
    ...over,
  };
}

describe(`order states on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const rep = `rep-${randomUUID()}`;
  const place = async (input: CheckoutInput, userId: string, locale: "zh-CN" | "en" = "zh-CN", when = now) => {
    const result = await placeOrder(db, input, { userId, locale, now: when });
    if (!result.ok) throw new Error(`not placed: ${JSON.stringify(result)}`);
    return result.orderId;
  };
  const load = async (orderId: string, userId: string) => (await getOrderForUser(db, { orderId, userId }))!;

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values({ id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" });
  });
  afterAll(async () => handle.close());

  describe("cancelling", () => {
    it("moves an unpaid order to cancelled with cause buyer_cancelled, once, and only for its buyer", async () => {
      const buyer = `c-${randomUUID()}`;
      const orderId = await place(checkout(), buyer);
      expect(await cancelOrder(db, { orderId, userId: "someone-else", now: at(1) })).toEqual({ ok: false, error: "NOT_FOUND" });
      expect(await cancelOrder(db, { orderId, userId: buyer, now: at(2) })).toEqual({ ok: true });
      const { order, events } = await load(orderId, buyer);
      expect(order.status).toBe("cancelled");
      expect(events.map((e) => [e.fromStatus, e.toStatus, e.cause, e.at])).toEqual([
        [null, "pending_payment", "checkout", now],
        ["pending_payment", "cancelled", BUYER_CANCELLED, at(2)],
      ]);
      expect(await cancelOrder(db, { orderId, userId: buyer, now: at(3) })).toEqual({ ok: false, error: "INVALID_TRANSITION" });
      // A cancelled order never expires and cannot be paid.
      expect(await expireIfStale(db, { orderId, now: at(60) })).toBe(false);
      expect(canPay(order, undefined)).toBe(false);
    });

    it("hands a quote back when its order is cancelled: the link makes a new order", async () => {
      const { quote, token } = await createQuote(db, {
        createdBy: rep,
        customerName: "杭州示例科技有限公司",
        customerEmail: "wang@example.cn",
        cart: business,
        catalogVersion: catalog.version,
        discountPercent: "10",
        negotiatedSeatPrice: null,
        buyerMayEdit: false,
        expiresAt: new Date(now.getTime() + 30 * DAY),
        requiresApproval: false,
        now,
      });
      const buyer = `q-${randomUUID()}`;
      const first = await place(checkout({ quoteToken: token, expectedTotal: "47239.20" }), buyer);
      expect((await rowsWhere(db, quotes, { id: quote.id }))[0]?.status).toBe("converted");
      expect(await cancelOrder(db, { orderId: first, userId: buyer, now: at(5) })).toEqual({ ok: true });
      expect((await rowsWhere(db, quotes, { id: quote.id }))[0]?.status).not.toBe("converted");
      const second = await place(checkout({ quoteToken: token, expectedTotal: "47239.20" }), `q2-${randomUUID()}`, "zh-CN", at(6));
      expect(second).not.toBe(first);
      expect((await rowsWhere(db, quotes, { id: quote.id }))[0]?.status).toBe("converted");
    });
  });

  describe("a zero-total order", () => {
    it("is fulfilled in the placing transaction, voucher redeemed, with no payment and no provider", async () => {
      expect(
        await createVoucher(db, { input: { code: "CASH-20000", kind: "cash", amount: "20000.00", singleUse: true }, createdBy: "op", now }),
      ).toBe(true);
      const buyer = `z-${randomUUID()}`;
      const orderId = await place(checkout({ cart: pro1, expectedTotal: "0.00", voucher: "CASH-20000" }), buyer);
      const { order, lines, events } = await load(orderId, buyer);
      expect(order).toMatchObject({ status: "fulfilled", total: "0.00" });
      expect(lines.map((l) => [l.kind, l.sku, l.amount])).toEqual([
        ["seats", "pro", "988.00"],
        ["adjustment", "voucher:CASH-20000", "-988.00"],
      ]);
      expect(events.map((e) => [e.toStatus, e.cause])).toEqual([
        ["pending_payment", "checkout"],
        ["paid", ZERO_TOTAL],
        ["fulfilled", "fulfilled"],
      ]);
      expect((await rowsWhere(db, vouchers, { code: "CASH-20000" }))[0]).toMatchObject({ redeemedOrderId: orderId, redeemedAt: now });
      expect(await listPaymentsForOrder(db, { orderId })).toEqual([]);
      const services = await getServices(db, { organisationId: order.organisationId! });
      expect(services.map((s) => [s.sku, s.quantity, s.paidAmount])).toEqual([["pro", 1, "0.00"]]);
      // Nothing to pay: the provider is never asked.
      const provider = createSandboxProvider({ db: async () => db, secret: "test", now: () => now });
      expect(await startOrderPayment(db, provider, { orderId, userId: buyer, now })).toEqual({ ok: false, error: "NOT_PAYABLE" });
      expect(await listPaymentsForOrder(db, { orderId })).toEqual([]);
    });

    it("a voucher worth less than the cart leaves an order to pay", async () => {
      await createVoucher(db, { input: { code: "CASH-500", kind: "cash", amount: "500.00", singleUse: true }, createdBy: "op", now });
      const buyer = `z-${randomUUID()}`;
      const orderId = await place(checkout({ cart: pro1, expectedTotal: "488.00", voucher: "CASH-500" }), buyer);
      expect((await load(orderId, buyer)).order).toMatchObject({ status: "pending_payment", total: "488.00" });
    });
  });

  describe("an education order's payment window", () => {
    const educationCart: CartInput = { edition: "education", seats: 30, term: { unit: "year", count: 1 }, addons: [] };
    const placeEducation = async (buyer: string) => {
      const proof = await createProofUpload(db, {
        userId: buyer,
        fileName: "licence.pdf",
        contentType: "application/pdf",
        bytes: Buffer.from("%PDF-1.4\n%%EOF\n"),
      });
      return place(
        checkout({
          cart: educationCart,
          expectedTotal: "22800.00",
          education: {
            institutionName: "第一中学",
            institutionType: "primary-secondary",
            proofUploadId: proof.id,
            proofFileName: "licence.pdf",
          },
        }),
        buyer,
      );
    };

    it("does not run while under review and starts when the verification is approved", async () => {
      const buyer = `e-${randomUUID()}`;
      const orderId = await placeEducation(buyer);
      // 31 minutes in the queue: not expired, by the sweep nor on access.
      await expireStaleOrders(db, { now: at(31) });
      expect(await expireIfStale(db, { orderId, now: at(31) })).toBe(false);
      expect((await load(orderId, buyer)).order.status).toBe("pending_payment");
      const verification = (await getVerificationForOrder(db, { orderId }))!;
      expect(paymentDeadline((await load(orderId, buyer)).order, verification)).toBeNull();
      expect(
        await decideVerification(db, { id: verification.id, decision: { status: "approved" }, operatorId: rep, now: at(31) }),
      ).toMatchObject({
        ok: true,
      });
      const approved = (await getVerificationForOrder(db, { orderId }))!;
      const { order } = await load(orderId, buyer);
      expect(paymentDeadline(order, approved)).toEqual(at(61));
      expect(canPay(order, approved)).toBe(true);
      // 29 minutes after approval it is still payable; 30 minutes after, it expires.
      await expireStaleOrders(db, { now: at(60) });
      expect(await expireIfStale(db, { orderId, now: at(60) })).toBe(false);
      expect((await load(orderId, buyer)).order.status).toBe("pending_payment");
      const [summary] = await listOrderSummariesForUser(db, { userId: buyer });
      expect(summary).toMatchObject({ order: { status: "pending_payment" }, verification: { status: "approved", decidedAt: at(31) } });
      expect(await expireStaleOrders(db, { now: at(61) })).toBeGreaterThanOrEqual(1);
      expect((await load(orderId, buyer)).order.status).toBe("expired");
    });

    it("an order with no verification still expires 30 minutes after it was placed", async () => {
      const buyer = `n-${randomUUID()}`;
      const orderId = await place(checkout(), buyer, "zh-CN", at(100));
      expect(await expireIfStale(db, { orderId, now: at(129) })).toBe(false);
      expect(await expireStaleOrders(db, { now: at(130) })).toBeGreaterThanOrEqual(1);
      expect((await load(orderId, buyer)).order.status).toBe("expired");
    });
  });

  describe("lines in the reader's language", () => {
    it("re-words a Chinese order in English with exactly the stored amounts, voucher line included", async () => {
      await createVoucher(db, { input: { code: "TEN-PCT", kind: "percent", percent: 10, singleUse: true }, createdBy: "op", now });
      const buyer = `l-${randomUUID()}`;
      const orderId = await place(checkout({ voucher: "TEN-PCT", expectedTotal: "47239.20" }), buyer, "zh-CN");
      const { order, lines } = await load(orderId, buyer);
      expect(lines[0]!.name).toMatch(/商业版/);
      const en = await orderLinesIn(db, { order, lines, locale: "en" });
      expect(en.rerendered).toBe(true);
      expect(en.lines.map((l) => [l.sku, l.amount, l.unitPrice, l.quantity])).toEqual(
        lines.map((l) => [l.sku, l.amount, l.unitPrice, l.quantity]),
      );
      expect(en.lines.map((l) => [l.name, l.formula])).toEqual([
        [expect.stringMatching(/Business/), "30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00"],
        [expect.stringMatching(/500/), "1 × ¥10,788/licence/yr × 1 yr = ¥10,788.00"],
        [expect.stringMatching(/TEN-PCT/), "¥52,488.00 × 10% = -¥5,248.80"],
      ]);
      expect(en.lines.some((l) => /[\u4e00-\u9fff]/.test(l.name + l.formula))).toBe(false);
      // The reader's own language is the stored text as it is.
      expect(await orderLinesIn(db, { order, lines, locale: "zh-CN" })).toEqual({ lines, rerendered: false });
    });

    it("re-words a quote order, and keeps the stored text when a re-priced amount would differ", async () => {
      const { token } = await createQuote(db, {
        createdBy: rep,
        customerName: "示例",
        customerEmail: "wang@example.cn",
        cart: business,
        catalogVersion: catalog.version,
        discountPercent: "10",
        negotiatedSeatPrice: null,
        buyerMayEdit: false,
        expiresAt: new Date(now.getTime() + 30 * DAY),
        requiresApproval: false,
        now,
      });
      const buyer = `lq-${randomUUID()}`;
      const orderId = await place(checkout({ quoteToken: token, expectedTotal: "47239.20" }), buyer, "zh-CN");
      const { order, lines } = await load(orderId, buyer);
      const en = await orderLinesIn(db, { order, lines, locale: "en" });
      expect(en.rerendered).toBe(true);
      expect(en.lines.map((l) => l.amount)).toEqual(lines.map((l) => l.amount));
      expect(en.lines.some((l) => /[\u4e00-\u9fff]/.test(l.name + l.formula))).toBe(false);
      // A stored amount the re-pricing does not give back: the stored order stands, in its own words.
      const tampered = lines.map((l, i) => (i === 0 ? { ...l, amount: "41699.99" } : l));
      expect(await orderLinesIn(db, { order, lines: tampered, locale: "en" })).toEqual({ lines: tampered, rerendered: false });
      expect(await orderLinesIn(db, { order: { ...order, total: "1.00" }, lines, locale: "en" })).toEqual({ lines, rerendered: false });
    });
  });
});
