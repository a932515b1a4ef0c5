import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { countOrders, getOrderForUser } from "@/lib/db/queries/orders";
import { createProofUpload } from "@/lib/db/queries/proof-uploads";
import { getVerificationForOrder, listPendingVerifications } from "@/lib/db/queries/verifications";
import { educationVerifications } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { orderPlacedUnder, placeOrder } from "./place-order";

const now = new Date("2026-11-22T04:00:00Z");
const organisation = { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" };

function checkout(over: Partial<CheckoutInput> = {}): CheckoutInput {
  const cart = over.cart ?? {
    edition: "business",
    seats: 30,
    term: { unit: "year", count: 1 },
    addons: [{ sku: "large-meeting-500", quantity: 1 }],
  };
  return {
    idempotencyKey: randomUUID(),
    cart,
    expectedTotal: "52488.00",
    consents: agreementsFor(cart.edition).map((a) => ({ agreementId: a.id, version: a.version })),
    organisation,
    invoice: { type: "none" },
    ...over,
  };
}

describe(`placing orders on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  const place = (input: unknown, userId = "buyer-1") => placeOrder(handle.db, input, { userId, locale: "en", now });

  it("stores the server-priced order with lines, consents and its first status", async () => {
    const result = await place(checkout());
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    const stored = await getOrderForUser(handle.db, { orderId: result.orderId, userId: "buyer-1" });
    expect(stored?.order).toMatchObject({
      status: "pending_payment",
      total: "52488.00",
      catalogVersion: "2026-11-01",
      edition: "business",
    });
    expect(stored?.lines.map((l) => [l.sku, l.unitPrice, l.amount, l.formula])).toEqual([
      ["business", "1390.00", "41700.00", "30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00"],
      ["large-meeting-500", "10788.00", "10788.00", "1 × ¥10,788/licence/yr × 1 yr = ¥10,788.00"],
    ]);
    expect(stored?.consents.map((c) => c.agreementId).sort()).toEqual([
      "data-processing",
      "privacy-policy",
      "purchase-terms",
      "service-terms",
    ]);
    expect(stored?.events.map((e) => [e.fromStatus, e.toStatus, e.cause])).toEqual([[null, "pending_payment", "checkout"]]);
    expect(await getOrderForUser(handle.db, { orderId: result.orderId, userId: "someone-else" })).toBeUndefined();
  });

  it.each([
    ["a tampered total", { expectedTotal: "1.00" }, "PRICE_CHANGED"],
    [
      "a unit price sent along",
      {
        cart: {
          edition: "business",
          seats: 30,
          term: { unit: "year", count: 1 },
          addons: [{ sku: "large-meeting-500", quantity: 1, unitPrice: "1.00" }],
        },
      },
      "INVALID_SHAPE",
    ],
    [
      "a total sent inside the cart",
      { cart: { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [], total: "1.00" } },
      "INVALID_SHAPE",
    ],
    [
      "an add-on the edition lacks",
      { cart: { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [{ sku: "mra", quantity: 1 }] } },
      "CART_INVALID",
    ],
    [
      "a contact-sales edition",
      { cart: { edition: "enterprise", seats: 300, term: { unit: "year", count: 1 }, addons: [] } },
      "CART_INVALID",
    ],
    ["a missing agreement", { consents: [] }, "CONSENT_MISSING"],
    [
      "an education order without the institution",
      { cart: { edition: "education", seats: 30, term: { unit: "year", count: 1 }, addons: [] }, expectedTotal: "22800.00" },
      "EDUCATION_DETAILS_REQUIRED",
    ],
    ["a bad mobile number", { organisation: { ...organisation, mobile: "12345" } }, "INVALID_SHAPE"],
  ] as const)("refuses %s and stores nothing", async (_name, over, error) => {
    const userId = `tamper-${randomUUID()}`;
    const input = checkout(over as Partial<CheckoutInput>);
    if ("cart" in over && !("consents" in over))
      input.consents = agreementsFor(input.cart.edition).map((a) => ({ agreementId: a.id, version: a.version }));
    const result = await place(input, userId);
    expect(result).toMatchObject({ ok: false, error });
    expect(await countOrders(handle.db, { userId })).toBe(0);
  });

  it("names the broken rule when the cart is refused", async () => {
    const input = checkout({ cart: { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [{ sku: "mra", quantity: 1 }] } });
    const result = await place(input, "rule-codes");
    expect(result.ok === false && result.error === "CART_INVALID" && result.ruleErrors.map((e) => `${e.code}@${e.path}`)).toEqual([
      "ADDON_NOT_AVAILABLE@addons[0].sku",
    ]);
  });

  it("creates exactly one order for 20 concurrent submits with one idempotency key", async () => {
    const input = checkout();
    const results = await Promise.all(Array.from({ length: 20 }, () => place(input, "double-clicker")));
    const ids = new Set(results.map((r) => (r.ok ? r.orderId : r.error)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await countOrders(handle.db, { userId: "double-clicker" })).toBe(1);
  });

  it("refuses an idempotency key reused for a different cart", async () => {
    const first = checkout();
    await place(first, "reuser");
    const second = {
      ...checkout({ cart: { edition: "business", seats: 31, term: { unit: "year", count: 1 }, addons: [] }, expectedTotal: "43090.00" }),
      idempotencyKey: first.idempotencyKey,
    };
    expect(await place(second, "reuser")).toEqual({ ok: false, error: "IDEMPOTENCY_CONFLICT" });
    expect(await countOrders(handle.db, { userId: "reuser" })).toBe(1);
  });

  it("finds the order a key produced, for its own buyer only", async () => {
    const input = checkout();
    const lookup = (userId: string, idempotencyKey = input.idempotencyKey) => orderPlacedUnder(handle.db, { userId, idempotencyKey });
    expect(await lookup("refresher")).toBeNull();
    const placed = await place(input, "refresher");
    if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
    expect(await lookup("refresher")).toBe(placed.orderId);
    expect(await lookup("someone-else")).toBeNull();
    expect(await lookup("refresher", randomUUID())).toBeNull();
  });
});

describe(`placing education orders on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  const place = (input: unknown, userId: string) => placeOrder(handle.db, input, { userId, locale: "zh-CN", now });
  const upload = (userId: string) =>
    createProofUpload(handle.db, {
      userId,
      fileName: "办学许可证.pdf",
      contentType: "application/pdf",
      bytes: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
  const educationCart = {
    edition: "education",
    seats: 30,
    term: { unit: "year", count: 1 },
    addons: [{ sku: "large-meeting-500", quantity: 1 }],
  };
  const education = (proofUploadId: string) => ({
    institutionName: "某某市第一中学",
    institutionType: "primary-secondary" as const,
    proofUploadId,
    proofFileName: "办学许可证.pdf",
  });
  const educationCheckout = (proofUploadId: string, over: Partial<CheckoutInput> = {}) =>
    checkout({
      cart: educationCart,
      expectedTotal: "33588.00",
      consents: agreementsFor("education").map((a) => ({ agreementId: a.id, version: a.version })),
      education: education(proofUploadId),
      ...over,
    });

  it("stores the order of ¥33,588.00 and its pending verification together", async () => {
    const userId = `edu-${randomUUID()}`;
    const proof = await upload(userId);
    const result = await place(educationCheckout(proof.id), userId);
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    const stored = await getOrderForUser(handle.db, { orderId: result.orderId, userId });
    expect(stored?.order).toMatchObject({ status: "pending_payment", total: "33588.00", edition: "education" });
    expect(stored?.lines.map((l) => [l.sku, l.amount])).toEqual([
      ["education", "22800.00"],
      ["large-meeting-500", "10788.00"],
    ]);
    expect(await getVerificationForOrder(handle.db, { orderId: result.orderId })).toMatchObject({
      userId,
      institutionName: "某某市第一中学",
      institutionType: "primary-secondary",
      proofUploadId: proof.id,
      proofFileName: "办学许可证.pdf",
      status: "pending",
    });
  });

  it.each([
    ["another buyer's upload", async () => (await upload(`other-${randomUUID()}`)).id],
    ["an upload that does not exist", async () => randomUUID()],
  ])("refuses %s with EDUCATION_PROOF_INVALID and stores nothing", async (_name, proofId) => {
    const userId = `edu-${randomUUID()}`;
    await upload(userId); // the buyer has a proof of their own, just not this one
    expect(await place(educationCheckout(await proofId()), userId)).toEqual({ ok: false, error: "EDUCATION_PROOF_INVALID" });
    expect(await countOrders(handle.db, { userId })).toBe(0);
    expect(await rowsWhere(handle.db, educationVerifications, { userId })).toEqual([]);
  });

  it("refuses a proof id that is not a uuid as a malformed submission", async () => {
    const userId = `edu-${randomUUID()}`;
    expect(await place(educationCheckout("../../etc/passwd"), userId)).toMatchObject({
      ok: false,
      error: "INVALID_SHAPE",
      fieldErrors: { "education.proofUploadId": ["OrgDetails.errors.proofFile"] },
    });
    expect(await countOrders(handle.db, { userId })).toBe(0);
  });

  it("makes one order and one verification of concurrent repeats of the same submit", async () => {
    const userId = `edu-${randomUUID()}`;
    const input = educationCheckout((await upload(userId)).id);
    const results = await Promise.all(Array.from({ length: 8 }, () => place(input, userId)));
    expect(new Set(results.map((r) => (r.ok ? r.orderId : r.error))).size).toBe(1);
    expect(await countOrders(handle.db, { userId })).toBe(1);
    const orderId = results[0]?.ok ? results[0].orderId : "";
    expect((await listPendingVerifications(handle.db)).filter((v) => v.orderId === orderId)).toHaveLength(1);
  });

  it("needs no verification for a business order that still carries institution details", async () => {
    const userId = `edu-${randomUUID()}`;
    const result = await place(checkout({ education: education((await upload(userId)).id) }), userId);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(await getVerificationForOrder(handle.db, { orderId: result.orderId })).toBeUndefined();
  });
});
