import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { getOrderForUser } from "@/lib/db/queries/orders";
import { listFreeOrganisations } from "@/lib/db/queries/organisations";
import { migratedDb, testBackend } from "@/lib/db/testing";
import type { CheckoutInput } from "@/lib/validations/checkout";
import { placeOrder } from "./place-order";

const now = new Date("2026-11-22T04:00:00Z");
const cart = { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] };
const checkout = (over: Partial<CheckoutInput> = {}): CheckoutInput => ({
  idempotencyKey: randomUUID(),
  cart,
  expectedTotal: "2964.00",
  consents: agreementsFor("pro").map((a) => ({ agreementId: a.id, version: a.version })),
  organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
  invoice: { type: "none" },
  ...over,
});

describe(`account upgrade method on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());
  const place = (input: CheckoutInput, userId: string) => placeOrder(handle.db, input, { userId, locale: "en", now });

  it("gives a buyer without an organisation a new one, on the free edition until paid", async () => {
    const result = await place(checkout(), "first-timer");
    expect(result.ok).toBe(true);
    const [org] = await listFreeOrganisations(handle.db, { userId: "first-timer" });
    expect(org).toMatchObject({ name: "Acme Ltd", edition: "free" });
    if (result.ok)
      expect((await getOrderForUser(handle.db, { orderId: result.orderId, userId: "first-timer" }))?.order).toMatchObject({
        organisationId: org?.id,
        upgradeMethod: "new",
      });
  });

  it("asks a buyer with a free organisation how to proceed, and refuses someone else's organisation", async () => {
    await place(checkout(), "returning");
    const [own] = await listFreeOrganisations(handle.db, { userId: "returning" });
    await place(checkout(), "stranger");
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

    expect((await place(checkout({ upgrade: { method: "new" } }), "returning")).ok).toBe(true);
    expect(await listFreeOrganisations(handle.db, { userId: "returning" })).toHaveLength(2);
  });

  it("a retried first order keeps its new organisation instead of asking for an upgrade method", async () => {
    const input = checkout();
    const first = await place(input, "retrier");
    const again = await place(input, "retrier");
    expect(again).toEqual({ ...first, created: false });
    expect(await listFreeOrganisations(handle.db, { userId: "retrier" })).toHaveLength(1);
  });
});
