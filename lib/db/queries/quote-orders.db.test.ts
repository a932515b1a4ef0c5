import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import type { CartInput } from "@/lib/pricing/types";
import { catalogLoader, priceStoredQuote } from "@/lib/quotes/staff-view";
import type { Db, DbHandle } from "../client";
import { catalogVersions, orders, user } from "../schema";
import { migratedDb, testBackend } from "../testing";
import { listOrdersForQuote } from "./quote-orders";
import { createQuote, type CreateQuoteParams } from "@/lib/quotes/store";

const t0 = new Date("2026-11-22T02:00:00Z");
const cart: CartInput = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};

describe(`quote orders and stored quote prices on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const rep = `rep-${crypto.randomUUID()}`;
  const params = (change: Partial<CreateQuoteParams> = {}): CreateQuoteParams => ({
    createdBy: rep,
    customerName: "北京某某科技有限公司",
    customerEmail: "buyer@example.cn",
    cart,
    catalogVersion: catalog.version,
    discountPercent: "10",
    negotiatedSeatPrice: null,
    buyerMayEdit: false,
    expiresAt: new Date(t0.getTime() + 30 * 86_400_000),
    requiresApproval: false,
    now: t0,
    ...change,
  });
  const order = (quoteId: string | null, number: string, minutes: number) => ({
    id: crypto.randomUUID(),
    number,
    userId: "buyer",
    idempotencyKey: crypto.randomUUID(),
    requestHash: "h",
    status: "expired" as const,
    edition: "business",
    seats: 30,
    cart,
    catalogVersion: catalog.version,
    total: "47239.20",
    organisation: {},
    locale: "zh-CN",
    quoteId,
    quoteVersion: quoteId ? 1 : null,
    createdAt: new Date(t0.getTime() + minutes * 60_000),
  });

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values({ id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("lists a quote's orders newest first, and only its own", async () => {
    const { quote } = await createQuote(db, params());
    const { quote: other } = await createQuote(db, params());
    await db
      .insert(orders)
      .values([order(quote.id, "Q1", 1), { ...order(quote.id, "Q2", 2), status: "paid" }, order(other.id, "Q3", 3), order(null, "Q4", 4)]);
    expect(await listOrdersForQuote(db, { quoteId: quote.id })).toEqual([
      expect.objectContaining({ number: "Q2", status: "paid", total: "47239.20" }),
      expect.objectContaining({ number: "Q1", status: "expired" }),
    ]);
    expect(await listOrdersForQuote(db, { quoteId: "none" })).toEqual([]);
  });

  it("prices a stored quote on the catalog it was issued on", async () => {
    const { quote } = await createQuote(db, params());
    expect((await priceStoredQuote(db, quote, "zh-CN"))?.result).toMatchObject({ ok: true, subtotal: "52488.00", total: "47239.20" });

    // An older catalog in which business seats cost ¥695 (half): the quote keeps that catalog's prices.
    const old = {
      ...catalog,
      version: "2020-01-01",
      editions: catalog.editions.map((e) => (e.id === "business" && e.prices.year ? { ...e, prices: { ...e.prices, year: "695.00" } } : e)),
    };
    await db.insert(catalogVersions).values({ version: old.version, sha256: "x", data: old });
    const { quote: older } = await createQuote(db, params({ catalogVersion: old.version, discountPercent: "0" }));
    const priced = await priceStoredQuote(db, older, "en", catalogLoader(db));
    expect(priced?.catalog.version).toBe(old.version);
    // 30 × 695 + 10,788 = 31,638.00, no discount.
    expect(priced?.result).toMatchObject({ subtotal: "31638.00", total: "31638.00" });

    const { quote: gone } = await createQuote(db, params({ catalogVersion: "1999-01-01" }));
    expect(await priceStoredQuote(db, gone, "en")).toBeUndefined();
  });
});
