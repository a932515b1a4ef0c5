import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import { catalog } from "@/lib/catalog";
import type { DbHandle } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { createProofUpload } from "@/lib/db/queries/proof-uploads";
import { getPhoneCreditLedger, getServices, phoneCreditBalance } from "@/lib/db/queries/services";
import { createVoucher } from "@/lib/db/queries/vouchers";
import { orders, organisations, serviceItems, user } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend, updateRows } from "@/lib/db/testing";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "@/lib/pricing";
import { fenToAmount, parseFen } from "@/lib/money";
import { createQuote } from "@/lib/quotes/store";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { addMonthsUtc, markPaidAndFulfil } from "./fulfil";
import { placeOrder } from "./place-order";
import { expireIfStale } from "./state";

const now = new Date("2026-11-22T04:00:00Z");
const paidAt = new Date("2026-11-22T04:10:00Z");
const businessCart = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};
type Cart = typeof businessCart;

describe("calendar months in UTC", () => {
  it.each([
    ["2026-11-22T04:10:00.000Z", 12, "2027-11-22T04:10:00.000Z"],
    ["2026-01-31T00:00:00.000Z", 1, "2026-02-28T00:00:00.000Z"],
    ["2028-01-31T12:00:00.000Z", 1, "2028-02-29T12:00:00.000Z"],
    ["2028-02-29T00:00:00.000Z", 12, "2029-02-28T00:00:00.000Z"],
    ["2026-12-15T23:59:59.999Z", 3, "2027-03-15T23:59:59.999Z"],
  ])("%s + %i months = %s", (from, months, to) => {
    expect(addMonthsUtc(new Date(from), months).toISOString()).toBe(to);
  });
});

describe(`paying and fulfilling orders on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  async function newOrder(cart: Cart = businessCart, over: Partial<CheckoutInput> = {}, userId = randomUUID()) {
    const priced = priceCart(cart, catalog, { locale: "en", messages: messagesFor("en").Pricing });
    const result = await placeOrder(
      handle.db,
      {
        idempotencyKey: randomUUID(),
        cart,
        expectedTotal: priced.total,
        consents: agreementsFor(cart.edition).map((a) => ({ agreementId: a.id, version: a.version })),
        organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
        invoice: { type: "none" },
        ...over,
      },
      { userId, locale: "en", now },
    );
    if (!result.ok) throw new Error(result.error);
    const stored = await getOrderForUser(handle.db, { orderId: result.orderId, userId });
    return { orderId: result.orderId, userId, total: priced.total, organisationId: stored!.order.organisationId! };
  }
  const pay = (orderId: string, amount: string, over: { now?: Date; faultAfterPaid?: () => void } = {}) =>
    markPaidAndFulfil(handle.db, {
      orderId,
      paymentRef: `pay-${orderId}`,
      amount,
      now: over.now ?? paidAt,
      cause: "payment_notification",
      faultAfterPaid: over.faultAfterPaid,
    });
  const state = async (o: { orderId: string; userId: string; organisationId: string }) => {
    const stored = await getOrderForUser(handle.db, { orderId: o.orderId, userId: o.userId });
    const [org] = await rowsWhere(handle.db, organisations, { id: o.organisationId });
    return {
      status: stored?.order.status,
      events: stored?.events.map((e) => [e.fromStatus, e.toStatus, e.cause]),
      services: await getServices(handle.db, { organisationId: o.organisationId }),
      // Null until an order for it is paid: fulfilment creates the organisation.
      organisation: org ? { edition: org.edition, seats: org.seats } : null,
      balance: await phoneCreditBalance(handle.db, { organisationId: o.organisationId }),
    };
  };

  it("fulfils the business example: two service items for one year, organisation on business/30", async () => {
    const order = await newOrder();
    expect(order.total).toBe("52488.00");
    expect(await pay(order.orderId, "52488.00")).toEqual({ ok: true, alreadyDone: false, status: "fulfilled" });
    const s = await state(order);
    expect(s.status).toBe("fulfilled");
    expect(s.events).toEqual([
      [null, "pending_payment", "checkout"],
      ["pending_payment", "paid", "payment_notification"],
      ["paid", "fulfilled", "fulfilled"],
    ]);
    expect(s.organisation).toEqual({ edition: "business", seats: 30 });
    expect(
      s.services.map((i) => ({
        sku: i.sku,
        kind: i.kind,
        capacity: i.capacity,
        quantity: i.quantity,
        startsAt: i.startsAt,
        expiresAt: i.expiresAt,
        unitPrice: i.unitPrice,
        paidAmount: i.paidAmount,
        discount: i.discount,
        sourceOrderId: i.sourceOrderId,
      })),
    ).toEqual([
      {
        sku: "business",
        kind: "seats",
        capacity: null,
        quantity: 30,
        startsAt: paidAt,
        expiresAt: new Date("2027-11-22T04:10:00Z"),
        unitPrice: "1390.00",
        paidAmount: "41700.00",
        discount: "1.0000000000",
        sourceOrderId: order.orderId,
      },
      {
        sku: "large-meeting-500",
        kind: "addon",
        capacity: 500,
        quantity: 1,
        startsAt: paidAt,
        expiresAt: new Date("2027-11-22T04:10:00Z"),
        unitPrice: "10788.00",
        paidAmount: "10788.00",
        discount: "1.0000000000",
        sourceOrderId: order.orderId,
      },
    ]);
    expect(s.balance).toBe("0.00");
  });

  it("fulfils once when the notification is replayed 10 times, one after another", async () => {
    const order = await newOrder();
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await pay(order.orderId, order.total));
    expect(results.filter((r) => r.ok && !r.alreadyDone)).toHaveLength(1);
    expect(results.every((r) => r.ok)).toBe(true);
    const s = await state(order);
    expect(s.services).toHaveLength(2);
    expect(s.events).toHaveLength(3);
  });

  it("fulfils once when the notification is replayed 10 times at once", async () => {
    const order = await newOrder();
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(order.orderId, order.total)));
    expect(results.filter((r) => r.ok && !r.alreadyDone)).toHaveLength(1);
    expect(results.every((r) => r.ok)).toBe(true);
    const s = await state(order);
    expect(s.services).toHaveLength(2);
    expect(s.events).toHaveLength(3);
  });

  it("refuses an amount that is not the order total and changes nothing", async () => {
    const order = await newOrder();
    for (const amount of ["52487.99", "0.01", "not money", ""])
      expect(await pay(order.orderId, amount)).toEqual({ ok: false, error: "AMOUNT_MISMATCH" });
    const s = await state(order);
    expect(s.status).toBe("pending_payment");
    expect(s.services).toEqual([]);
    expect(s.events).toHaveLength(1);
    expect(s.organisation).toBeNull();
    // The same total written differently is the same amount.
    expect((await pay(order.orderId, "52488")).ok).toBe(true);
  });

  it("rolls everything back on a fault between paid and fulfilled, and a retry fulfils exactly once", async () => {
    const order = await newOrder();
    await expect(
      pay(order.orderId, order.total, {
        faultAfterPaid: () => {
          throw new Error("crash");
        },
      }),
    ).rejects.toThrow("crash");
    let s = await state(order);
    expect(s.status).toBe("pending_payment");
    expect(s.services).toEqual([]);
    expect(s.events).toHaveLength(1);
    expect(s.organisation).toBeNull();

    expect(await pay(order.orderId, order.total)).toEqual({ ok: true, alreadyDone: false, status: "fulfilled" });
    expect(await pay(order.orderId, order.total)).toEqual({ ok: true, alreadyDone: true, status: "fulfilled" });
    s = await state(order);
    expect(s.services).toHaveLength(2);
    expect(s.events).toHaveLength(3);
    expect(await rowsWhere(handle.db, serviceItems, { sourceOrderId: order.orderId })).toHaveLength(2);
  });

  it("tops up phone credit by face value for phone packs, without a service item", async () => {
    const cart = { edition: "pro", seats: 3, term: { unit: "month", count: 1 }, addons: [{ sku: "phone-pack-1000", quantity: 2 }] };
    const order = await newOrder(cart);
    expect((await pay(order.orderId, order.total)).ok).toBe(true);
    const s = await state(order);
    expect(s.balance).toBe("2000.00");
    expect(s.services.map((i) => [i.sku, i.quantity, i.expiresAt])).toEqual([["pro", 3, new Date("2026-12-22T04:10:00Z")]]);
    expect(s.organisation).toEqual({ edition: "pro", seats: 3 });
    // A replay does not top up again.
    await pay(order.orderId, order.total);
    expect(await phoneCreditBalance(handle.db, { organisationId: order.organisationId })).toBe("2000.00");
  });

  it("accepts a late payment on an expired order and fulfils it", async () => {
    const order = await newOrder();
    const late = new Date(now.getTime() + 45 * 60_000);
    expect(await expireIfStale(handle.db, { orderId: order.orderId, now: late })).toBe(true);
    expect(await pay(order.orderId, order.total, { now: late })).toEqual({ ok: true, alreadyDone: false, status: "fulfilled" });
    const s = await state(order);
    expect(s.events).toEqual([
      [null, "pending_payment", "checkout"],
      ["pending_payment", "expired", "expired_unpaid"],
      ["expired", "paid", "late_payment"],
      ["paid", "fulfilled", "fulfilled"],
    ]);
    expect(s.services.map((i) => i.expiresAt)).toEqual([new Date("2027-11-22T04:45:00Z"), new Date("2027-11-22T04:45:00Z")]);
  });

  it("refuses a cancelled order, an unknown order, and an education order awaiting verification", async () => {
    const cancelled = await newOrder();
    await updateRows(handle.db, orders, { id: cancelled.orderId }, { status: "cancelled" });
    expect(await pay(cancelled.orderId, cancelled.total)).toEqual({ ok: false, error: "NOT_PAYABLE" });
    expect(await pay(randomUUID(), "1.00")).toEqual({ ok: false, error: "NOT_FOUND" });

    const userId = randomUUID();
    const proof = await createProofUpload(handle.db, {
      userId,
      fileName: "licence.pdf",
      contentType: "application/pdf",
      bytes: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    const educationCart = { edition: "education", seats: 30, term: { unit: "year", count: 1 }, addons: [] };
    const education = {
      institutionName: "No. 1 Middle School",
      institutionType: "primary-secondary" as const,
      proofUploadId: proof.id,
      proofFileName: "licence.pdf",
    };
    const order = await newOrder(educationCart, { education }, userId);
    expect(await pay(order.orderId, order.total)).toEqual({ ok: false, error: "NOT_PAYABLE" });
    const s = await state(order);
    expect(s.status).toBe("pending_payment");
    expect(s.services).toEqual([]);
  });

  /** Σ paid over the order's service items and phone top-ups, to the fen. */
  const paidSum = async (o: { orderId: string; organisationId: string }) => {
    const items = (await getServices(handle.db, { organisationId: o.organisationId })).filter((i) => i.sourceOrderId === o.orderId);
    const topups = (await getPhoneCreditLedger(handle.db, { organisationId: o.organisationId })).filter(
      (e) => e.sourceOrderId === o.orderId,
    );
    return fenToAmount([...items.map((i) => i.paidAmount), ...topups.map((e) => e.paidAmount ?? "0")].reduce((a, x) => a + parseFen(x), 0));
  };
  const paidOf = async (organisationId: string) =>
    (await getServices(handle.db, { organisationId })).map((i) => ({
      sku: i.sku,
      unitPrice: i.unitPrice,
      paidAmount: i.paidAmount,
      discount: i.discount,
    }));

  it("a quote order: each service item carries the quote's 10% off, and the items add up to the order total", async () => {
    const rep = `rep-${randomUUID()}`;
    await handle.db.insert(user).values({ id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" });
    const { token } = await createQuote(handle.db, {
      createdBy: rep,
      customerName: "Acme Ltd",
      customerEmail: "li@example.com",
      cart: businessCart,
      catalogVersion: catalog.version,
      discountPercent: "10",
      negotiatedSeatPrice: null,
      buyerMayEdit: false,
      expiresAt: new Date(now.getTime() + 30 * 24 * 3600_000),
      requiresApproval: false,
      now,
    });
    // 52,488.00 − 10% = 47,239.20.
    const order = await newOrder(businessCart, { quoteToken: token, expectedTotal: "47239.20" });
    expect(await pay(order.orderId, "47239.20")).toEqual({ ok: true, alreadyDone: false, status: "fulfilled" });
    expect(await paidOf(order.organisationId)).toEqual([
      { sku: "business", unitPrice: "1390.00", paidAmount: "37530.00", discount: "0.9000000000" },
      { sku: "large-meeting-500", unitPrice: "10788.00", paidAmount: "9709.20", discount: "0.9000000000" },
    ]);
    expect(await paidSum(order)).toBe("47239.20");
  });

  it("a voucher order: the ¥100 off is shared by line amount, to the fen, and the items add up to the order total", async () => {
    const code = `CASH-${randomUUID().slice(0, 8).toUpperCase()}`;
    expect(
      await createVoucher(handle.db, { input: { code, kind: "cash", amount: "100.00", singleUse: true }, createdBy: "operator-1", now }),
    ).toBe(true);
    const order = await newOrder(businessCart, { voucher: code, expectedTotal: "52388.00" });
    expect(await pay(order.orderId, "52388.00")).toEqual({ ok: true, alreadyDone: false, status: "fulfilled" });
    // 5,238,800 fen over 4,170,000 : 1,078,800 = 4,162,055.33 + 1,076,744.67 fen; the spare fen goes to the first line.
    expect(await paidOf(order.organisationId)).toEqual([
      { sku: "business", unitPrice: "1390.00", paidAmount: "41620.56", discount: "0.9980949640" },
      { sku: "large-meeting-500", unitPrice: "10788.00", paidAmount: "10767.44", discount: "0.9980941787" },
    ]);
    expect(await paidSum(order)).toBe("52388.00");
    // A replay records nothing twice.
    await pay(order.orderId, "52388.00");
    expect(await paidSum(order)).toBe("52388.00");
  });

  it("a voucher order with a phone pack: the pack tops up its face value and records its share, so the shares add up to the total", async () => {
    const code = `CASH-${randomUUID().slice(0, 8).toUpperCase()}`;
    await createVoucher(handle.db, { input: { code, kind: "cash", amount: "100.00", singleUse: true }, createdBy: "operator-1", now });
    const cart = { edition: "pro", seats: 3, term: { unit: "month", count: 1 }, addons: [{ sku: "phone-pack-1000", quantity: 2 }] };
    const listed = priceCart(cart, catalog, { locale: "en", messages: messagesFor("en").Pricing });
    const total = fenToAmount(parseFen(listed.total) - 10_000);
    const order = await newOrder(cart, { voucher: code, expectedTotal: total });
    expect((await pay(order.orderId, total)).ok).toBe(true);
    expect(await phoneCreditBalance(handle.db, { organisationId: order.organisationId })).toBe("2000.00");
    const [topup] = await getPhoneCreditLedger(handle.db, { organisationId: order.organisationId });
    expect(topup?.amount).toBe("2000.00");
    expect(parseFen(topup!.paidAmount!)).toBeLessThan(200_000);
    expect(await paidSum(order)).toBe(total);
  });
});
