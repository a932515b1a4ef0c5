import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import { catalog } from "@/lib/catalog";
import type { DbHandle } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { listFreeOrganisations, listOrganisations, listOwnedOrganisations } from "@/lib/db/queries/organisations";
import { organisations } from "@/lib/db/schema";
import { migratedDb, rowsWhere, testBackend } from "@/lib/db/testing";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "@/lib/pricing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { markPaidAndFulfil } from "./fulfil";
import { organisationChoices } from "./organisation-choices";
import { placeOrder } from "./place-order";
import { cancelOrder, expireIfStale, PAYMENT_WINDOW_MS } from "./state";

const now = new Date("2026-11-22T04:00:00Z");
const paidAt = new Date("2026-11-22T04:10:00Z");
type Cart = CheckoutInput["cart"];
const cart: Cart = { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] };
/** A free-edition purchase (an add-on only): once paid, the buyer has a real organisation on the free edition. */
const freeCart: Cart = { edition: "free", term: { unit: "year", count: 1 }, addons: [{ sku: "rooms", quantity: 1 }] };
const businessCart: Cart = { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [] };
const totalOf = (c: Cart) =>
  priceCart({ ...c, seats: c.seats ?? undefined, addons: c.addons ?? [] }, catalog, { locale: "en", messages: messagesFor("en").Pricing })
    .total;
const checkout = (over: Partial<CheckoutInput> = {}): CheckoutInput => {
  const c = over.cart ?? cart;
  return {
    idempotencyKey: randomUUID(),
    cart: c,
    expectedTotal: totalOf(c),
    consents: agreementsFor(c.edition).map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
    invoice: { type: "none" },
    ...over,
  };
};

describe(`account upgrade method on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());
  const place = (input: CheckoutInput, userId: string) => placeOrder(handle.db, input, { userId, locale: "en", now });
  const orderOf = async (orderId: string, userId: string) => (await getOrderForUser(handle.db, { orderId, userId }))!.order;
  /** Places and pays an order: the way a buyer comes to really have an organisation. */
  const buy = async (input: CheckoutInput, userId: string) => {
    const placed = await place(input, userId);
    if (!placed.ok) throw new Error(placed.error);
    const order = await orderOf(placed.orderId, userId);
    expect(
      await markPaidAndFulfil(handle.db, {
        orderId: order.id,
        paymentRef: `ref-${order.id}`,
        amount: order.total,
        now: paidAt,
        cause: "test",
      }),
    ).toMatchObject({ ok: true });
    return orderOf(order.id, userId);
  };
  /** Everything a buyer could see of their organisations: the checkout's pickers and the console. */
  const visible = async (userId: string) => ({
    choices: await organisationChoices(handle.db, { userId }),
    console: await listOrganisations(handle.db, { userId }),
  });
  const nothing = { choices: { freeOrganisations: [], paidOrganisations: [] }, console: [] };

  it("gives a buyer without an organisation a new one only when the order is paid", async () => {
    const result = await place(checkout(), "first-timer");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = await orderOf(result.orderId, "first-timer");
    expect(order).toMatchObject({ upgradeMethod: "new" });
    // Before payment the order only holds the id its organisation will get; nothing exists yet.
    expect(await visible("first-timer")).toEqual(nothing);
    expect(await rowsWhere(handle.db, organisations, { id: order.organisationId! })).toEqual([]);

    await markPaidAndFulfil(handle.db, { orderId: order.id, paymentRef: "r1", amount: order.total, now: paidAt, cause: "test" });
    const [org] = await listOwnedOrganisations(handle.db, { userId: "first-timer" });
    expect(org).toMatchObject({ id: order.organisationId, name: "Acme Ltd", edition: "pro", seats: 3 });
  });

  it.each([
    ["expired", (orderId: string) => expireIfStale(handle.db, { orderId, now: new Date(now.getTime() + PAYMENT_WINDOW_MS) })],
    ["cancelled", (orderId: string, userId: string) => cancelOrder(handle.db, { orderId, userId, now })],
    ["left unpaid", async () => true],
  ] as const)("an order %s leaves no organisation for the pickers or the console, and the next checkout asks nothing", async (_, end) => {
    const userId = `abandoner-${randomUUID()}`;
    const first = await place(checkout(), userId);
    if (!first.ok) throw new Error(first.error);
    await end(first.orderId, userId);
    expect(await visible(userId)).toEqual(nothing);
    const phantom = (await orderOf(first.orderId, userId)).organisationId!;
    expect(await place(checkout({ upgrade: { method: "in-place", organisationId: phantom } }), userId)).toEqual({
      ok: false,
      error: "UPGRADE_TARGET_INVALID",
    });
    // Starting again is a first purchase again: no upgrade method asked, one organisation once paid.
    await buy(checkout(), userId);
    expect((await visible(userId)).console.map((o) => [o.name, o.edition])).toEqual([["Acme Ltd", "pro"]]);
  });

  it("asks a buyer with a free organisation how to proceed, and refuses someone else's organisation", async () => {
    await buy(checkout({ cart: freeCart }), "returning");
    const [own] = await listFreeOrganisations(handle.db, { userId: "returning" });
    await buy(checkout({ cart: freeCart }), "stranger");
    const [theirs] = await listFreeOrganisations(handle.db, { userId: "stranger" });
    expect(await place(checkout(), "returning")).toEqual({ ok: false, error: "UPGRADE_METHOD_REQUIRED" });
    expect(await place(checkout({ upgrade: { method: "in-place", organisationId: theirs!.id } }), "returning")).toEqual({
      ok: false,
      error: "UPGRADE_TARGET_INVALID",
    });

    const inPlace = await place(checkout({ upgrade: { method: "in-place", organisationId: own!.id } }), "returning");
    expect(inPlace.ok).toBe(true);
    if (inPlace.ok)
      expect((await getOrderForUser(handle.db, { orderId: inPlace.orderId, userId: "returning" }))?.order.organisationId).toBe(own!.id);

    const fresh = checkout({ upgrade: { method: "new" } });
    expect((await place(fresh, "returning")).ok).toBe(true);
    // Placed, not paid: the new organisation does not exist yet; paid, it does, beside the free one.
    expect(await listOwnedOrganisations(handle.db, { userId: "returning" })).toHaveLength(1);
    await buy(fresh, "returning");
    expect((await listOwnedOrganisations(handle.db, { userId: "returning" })).map((o) => o.edition).sort()).toEqual(["free", "pro"]);
  });

  it("a retried first order keeps its new organisation instead of asking for an upgrade method, before and after payment", async () => {
    const input = checkout();
    const first = await place(input, "retrier");
    const again = await place(input, "retrier");
    expect(again).toEqual({ ...first, created: false });
    await buy(input, "retrier");
    expect(await place(input, "retrier")).toEqual({ ...first, created: false });
    expect(await listOwnedOrganisations(handle.db, { userId: "retrier" })).toHaveLength(1);
  });

  it("fulfilment creates the organisation exactly once, however often the payment is applied", async () => {
    const placed = await place(checkout(), "replayed");
    if (!placed.ok) throw new Error(placed.error);
    const order = await orderOf(placed.orderId, "replayed");
    const pay = () => markPaidAndFulfil(handle.db, { orderId: order.id, paymentRef: "r", amount: order.total, now: paidAt, cause: "test" });
    const results = await Promise.all([pay(), pay()]);
    expect(results.map((r) => r.ok && r.alreadyDone).sort()).toEqual([false, true]);
    expect(await pay()).toEqual({ ok: true, alreadyDone: true, status: "fulfilled" });
    expect(await rowsWhere(handle.db, organisations, { ownerUserId: "replayed" })).toEqual([
      expect.objectContaining({ id: order.organisationId, name: "Acme Ltd", edition: "pro", seats: 3 }),
    ]);
  });

  it("upgrading in place keeps the organisation's name: the order records it, not the name typed on the form", async () => {
    await buy(checkout({ cart: freeCart, organisation: { ...checkout().organisation, organisationName: "Star River" } }), "renamer");
    const [own] = await listFreeOrganisations(handle.db, { userId: "renamer" });
    const typed = { ...checkout().organisation, organisationName: "Star River Holdings" };
    const order = await buy(checkout({ organisation: typed, upgrade: { method: "in-place", organisationId: own!.id } }), "renamer");
    expect(order).toMatchObject({ organisationId: own!.id, upgradeMethod: "in-place" });
    expect(order.organisation).toMatchObject({ organisationName: "Star River", contactName: "Li Lei" });
    expect(await listOwnedOrganisations(handle.db, { userId: "renamer" })).toEqual([
      expect.objectContaining({ id: own!.id, name: "Star River", edition: "pro", seats: 3 }),
    ]);
  });

  it("a buyer with a paid organisation sees it apart, is never sold a second one by accident, and cannot upgrade it in place", async () => {
    const paid = await buy(checkout({ cart: businessCart }), "subscriber");
    const { freeOrganisations, paidOrganisations } = await organisationChoices(handle.db, { userId: "subscriber" });
    expect(freeOrganisations).toEqual([]);
    expect(paidOrganisations).toEqual([
      { id: paid.organisationId, name: "Acme Ltd", edition: "business", seats: 30, expiresAt: "2027-11-22T04:10:00.000Z" },
    ]);
    expect(await place(checkout(), "subscriber")).toEqual({ ok: false, error: "UPGRADE_METHOD_REQUIRED" });
    expect(await place(checkout({ upgrade: { method: "in-place", organisationId: paid.organisationId! } }), "subscriber")).toEqual({
      ok: false,
      error: "UPGRADE_TARGET_INVALID",
    });
    expect((await place(checkout({ upgrade: { method: "new" } }), "subscriber")).ok).toBe(true);
  });

  it("a free organisation's expiry is that of its last add-on; a paid one's that of its seats", async () => {
    await buy(checkout({ cart: { ...freeCart, term: { unit: "year", count: 2 } } }), "picker");
    expect((await organisationChoices(handle.db, { userId: "picker" })).freeOrganisations).toEqual([
      expect.objectContaining({ edition: "free", seats: null, expiresAt: "2028-11-22T04:10:00.000Z" }),
    ]);
  });
});
