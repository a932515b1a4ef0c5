import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { DbHandle } from "@/lib/db/client";
import { markPaidAndFulfil } from "@/lib/orders/fulfil";
import { placeOrder } from "@/lib/orders/place-order";
import { getOrderForUser } from "./orders";
import { ensureOrganisation, listOwnedOrganisations } from "./organisations";
import { migratedDb, testBackend } from "../testing";

const now = new Date("2026-11-22T04:00:00Z");
const cleanup = readFileSync("lib/db/migrations/0012_drop_unpaid_organisations.sql", "utf8");

describe(`organisations left by unpaid orders on ${testBackend}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await migratedDb();
  });
  afterAll(async () => handle.close());

  const order = async (userId: string, name: string, upgrade?: { method: "new" }) => {
    const placed = await placeOrder(
      handle.db,
      {
        idempotencyKey: randomUUID(),
        cart: { edition: "pro", seats: 3, term: { unit: "year", count: 1 }, addons: [] },
        expectedTotal: "2964.00",
        consents: agreementsFor("pro").map((a) => ({ agreementId: a.id, version: a.version })),
        organisation: { organisationName: name, contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
        invoice: { type: "none" },
        ...(upgrade ? { upgrade } : {}),
      },
      { userId, locale: "en", now },
    );
    if (!placed.ok) throw new Error(placed.error);
    return (await getOrderForUser(handle.db, { orderId: placed.orderId, userId }))!.order;
  };
  const pay = (o: { id: string; total: string }) =>
    markPaidAndFulfil(handle.db, { orderId: o.id, paymentRef: `ref-${o.id}`, amount: o.total, now, cause: "test" });

  it("the migration removes the ones no order paid for; paying such an order later creates its organisation again", async () => {
    const paid = await order("legacy", "Paid Co");
    await pay(paid);
    const unpaid = await order("legacy", "Phantom Co", { method: "new" });
    // What placing an order used to do: store the organisation at once.
    await ensureOrganisation(handle.db, { id: unpaid.organisationId!, name: "Phantom Co", ownerUserId: "legacy", createdAt: now });
    await ensureOrganisation(handle.db, { id: randomUUID(), name: "Orphan Co", ownerUserId: "legacy", createdAt: now });
    expect((await listOwnedOrganisations(handle.db, { userId: "legacy" })).map((o) => o.name).sort()).toEqual([
      "Orphan Co",
      "Paid Co",
      "Phantom Co",
    ]);

    for (let run = 0; run < 2; run++) await handle.db.execute(sql.raw(cleanup));
    expect((await listOwnedOrganisations(handle.db, { userId: "legacy" })).map((o) => o.name)).toEqual(["Paid Co"]);

    expect(await pay(unpaid)).toMatchObject({ ok: true, status: "fulfilled" });
    expect((await listOwnedOrganisations(handle.db, { userId: "legacy" })).map((o) => [o.name, o.edition]).sort()).toEqual([
      ["Paid Co", "pro"],
      ["Phantom Co", "pro"],
    ]);
  });
});
