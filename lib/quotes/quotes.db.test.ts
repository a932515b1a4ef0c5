import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CartInput } from "@/lib/pricing/types";
import type { Db, DbHandle } from "@/lib/db/client";
import { quotes, quoteVersions, user } from "@/lib/db/schema";
import { migratedDb, testBackend } from "@/lib/db/testing";
import { approveQuote, findQuoteByToken, markOpened, revokeQuote } from "./lifecycle";
import { listQuotesForStaff } from "./staff-view";
import { createQuote, issueRevision, type CreateQuoteParams } from "./store";
import { hashToken, issueToken } from "./token";

const DAY = 24 * 3600_000;
const t0 = new Date("2026-11-22T02:00:00Z");
const cart: CartInput = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};

describe(`quotes on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const rep = `rep-${crypto.randomUUID()}`;
  const other = `rep-${crypto.randomUUID()}`;
  const operator = `ops-${crypto.randomUUID()}`;

  const params = (change: Partial<CreateQuoteParams> = {}): CreateQuoteParams => ({
    createdBy: rep,
    customerName: "北京某某科技有限公司",
    customerEmail: "buyer@example.cn",
    note: "年度续约",
    cart,
    catalogVersion: "2026-11-01",
    discountPercent: "10",
    negotiatedSeatPrice: null,
    buyerMayEdit: false,
    expiresAt: new Date(t0.getTime() + 30 * DAY),
    requiresApproval: false,
    now: t0,
    ...change,
  });

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values([
      { id: rep, name: "Sales", email: `${rep}@example.com`, role: "sales" },
      { id: other, name: "Sales 2", email: `${other}@example.com`, role: "sales" },
      { id: operator, name: "Ops", email: `${operator}@example.com`, role: "operator" },
    ]);
  });
  beforeEach(async () => {
    await db.delete(quotes);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("stores a quote and version 1 with only the token's hash, and opens it by token", async () => {
    const { quote, token } = await createQuote(db, params());
    expect(quote).toMatchObject({ status: "sent", currentVersion: 1, discountPercent: "10.00", negotiatedSeatPrice: null });
    expect(quote.number).toMatch(/^QT20261122-[2-9A-HJ-NP-Z]{6}$/);
    const versions = await db.select().from(quoteVersions);
    expect(versions).toHaveLength(1);
    expect(versions[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(versions)).not.toContain(token);
    const found = await findQuoteByToken(db, { token, now: t0 });
    expect(found).toMatchObject({ ok: true, quote: { id: quote.id }, version: { version: 1, cart } });
  });

  it("a revision invalidates earlier links and records what changed", async () => {
    const { quote, token: first } = await createQuote(db, params());
    const later = new Date(t0.getTime() + DAY);
    const r1 = await issueRevision(db, {
      quoteId: quote.id,
      changes: { discountPercent: "12", cart: { ...cart } },
      requiresApproval: false,
      now: later,
    });
    if (!r1.ok) throw new Error(r1.reason);
    expect(r1.version).toBe(2);
    // The cart is unchanged (jsonb reorders keys; that is no change); 10 → 12 is.
    expect(r1.changes).toEqual({ discountPercent: { from: "10.00", to: "12" } });
    const r2 = await issueRevision(db, { quoteId: quote.id, changes: { cart: undefined }, requiresApproval: false, now: later });
    if (!r2.ok) throw new Error(r2.reason);
    expect(r2.changes).toEqual({});

    expect(await findQuoteByToken(db, { token: first, now: later })).toEqual({ ok: false, reason: "SUPERSEDED" });
    expect(await findQuoteByToken(db, { token: r1.token, now: later })).toEqual({ ok: false, reason: "SUPERSEDED" });
    const current = await findQuoteByToken(db, { token: r2.token, now: later });
    expect(current).toMatchObject({ ok: true, quote: { currentVersion: 3, discountPercent: "12.00" }, version: { version: 3 } });
  });

  it("expiry follows the injected clock, and a revision can extend it", async () => {
    const expiresAt = new Date(t0.getTime() + 30 * DAY);
    const { quote, token } = await createQuote(db, params({ expiresAt }));
    expect((await findQuoteByToken(db, { token, now: new Date(expiresAt.getTime() - 1) })).ok).toBe(true);
    expect(await findQuoteByToken(db, { token, now: expiresAt })).toEqual({ ok: false, reason: "EXPIRED" });
    expect((await listQuotesForStaff(db, { userId: rep, now: expiresAt }))[0]?.status).toBe("expired");

    const extended = await issueRevision(db, {
      quoteId: quote.id,
      changes: { expiresAt: new Date(expiresAt.getTime() + 7 * DAY) },
      requiresApproval: false,
      now: expiresAt,
    });
    if (!extended.ok) throw new Error(extended.reason);
    expect(extended.changes.expiresAt).toEqual({
      from: expiresAt.toISOString(),
      to: new Date(expiresAt.getTime() + 7 * DAY).toISOString(),
    });
    expect((await findQuoteByToken(db, { token: extended.token, now: expiresAt })).ok).toBe(true);
  });

  it("a revoked quote shows REVOKED for every link and cannot be revised", async () => {
    const { quote, token } = await createQuote(db, params());
    expect(await revokeQuote(db, { quoteId: quote.id, createdBy: other, now: t0 })).toBe(false);
    expect(await revokeQuote(db, { quoteId: quote.id, createdBy: rep, now: t0 })).toBe(true);
    expect(await revokeQuote(db, { quoteId: quote.id, now: t0 })).toBe(false);
    expect(await findQuoteByToken(db, { token, now: t0 })).toEqual({ ok: false, reason: "REVOKED" });
    expect(await issueRevision(db, { quoteId: quote.id, changes: {}, requiresApproval: false, now: t0 })).toEqual({
      ok: false,
      reason: "CLOSED",
    });
    expect(await issueRevision(db, { quoteId: "nope", changes: {}, requiresApproval: false, now: t0 })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });

  it("forged, altered and malformed tokens open nothing", async () => {
    const { token } = await createQuote(db, params());
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await findQuoteByToken(db, { token: altered, now: t0 })).toEqual({ ok: false, reason: "UNKNOWN" });
    expect(await findQuoteByToken(db, { token: issueToken().token, now: t0 })).toEqual({ ok: false, reason: "UNKNOWN" });
    // The stored hash itself is not a token.
    expect(await findQuoteByToken(db, { token: hashToken(token), now: t0 })).toEqual({ ok: false, reason: "MALFORMED" });
    expect(await findQuoteByToken(db, { token: "x' or '1'='1", now: t0 })).toEqual({ ok: false, reason: "MALFORMED" });
    expect(await findQuoteByToken(db, { token: "", now: t0 })).toEqual({ ok: false, reason: "MALFORMED" });
  });

  it("marks a sent quote opened once, at the first open", async () => {
    const { quote } = await createQuote(db, params());
    const first = new Date(t0.getTime() + 1000);
    const results = await Promise.all([
      markOpened(db, { quoteId: quote.id, now: first }),
      markOpened(db, { quoteId: quote.id, now: first }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await markOpened(db, { quoteId: quote.id, now: new Date(t0.getTime() + DAY) })).toBe(false);
    const [row] = await listQuotesForStaff(db, { userId: rep });
    expect(row).toMatchObject({ status: "opened", openedAt: first });
  });

  it("a quote needing approval opens only after an operator approves it", async () => {
    const { quote, token } = await createQuote(db, params({ discountPercent: "20", requiresApproval: true }));
    expect(quote.status).toBe("pending_approval");
    expect(await findQuoteByToken(db, { token, now: t0 })).toEqual({ ok: false, reason: "PENDING_APPROVAL" });
    expect(await markOpened(db, { quoteId: quote.id, now: t0 })).toBe(false);
    expect(await approveQuote(db, { quoteId: quote.id, approvedBy: operator, now: t0 })).toBe(true);
    expect(await approveQuote(db, { quoteId: quote.id, approvedBy: operator, now: t0 })).toBe(false);
    expect(await findQuoteByToken(db, { token, now: t0 })).toMatchObject({ ok: true, quote: { status: "sent", approvedBy: operator } });
  });

  it("an approval is of the version the operator saw, and a new version starts unapproved", async () => {
    const { quote } = await createQuote(db, params({ discountPercent: "20", requiresApproval: true }));
    const revised = await issueRevision(db, { quoteId: quote.id, changes: { discountPercent: "90" }, requiresApproval: true, now: t0 });
    expect(revised.ok).toBe(true);
    // The operator's page showed version 1 (20%); version 2 (90%) was issued meanwhile.
    expect(await approveQuote(db, { quoteId: quote.id, approvedBy: operator, now: t0, version: 1 })).toBe(false);
    // Nobody approves their own quote.
    expect(await approveQuote(db, { quoteId: quote.id, approvedBy: rep, now: t0, version: 2 })).toBe(false);
    expect(await approveQuote(db, { quoteId: quote.id, approvedBy: operator, now: t0, version: 2 })).toBe(true);
    const third = await issueRevision(db, {
      quoteId: quote.id,
      changes: { discountPercent: "5" },
      catalogVersion: "2027-01-01",
      requiresApproval: false,
      now: t0,
    });
    expect(third).toMatchObject({ ok: true, quote: { status: "sent", approvedBy: null, approvedAt: null, catalogVersion: "2027-01-01" } });
    expect(third.ok && third.changes).toMatchObject({
      discountPercent: { from: "90.00", to: "5" },
      catalogVersion: { from: "2026-11-01", to: "2027-01-01" },
    });
  });

  it("lists only the salesperson's own quotes, newest first", async () => {
    await createQuote(db, params({ customerName: "甲", now: t0 }));
    await createQuote(db, params({ customerName: "乙", now: new Date(t0.getTime() + 1000) }));
    await createQuote(db, params({ customerName: "丙", createdBy: other }));
    expect((await listQuotesForStaff(db, { userId: rep })).map((q) => q.customerName)).toEqual(["乙", "甲"]);
  });

  it("the database refuses unknown statuses, out-of-range discounts and reused token hashes", async () => {
    const { quote, token } = await createQuote(db, params());
    await expect(db.update(quotes).set({ status: "lost" as never })).rejects.toThrow();
    await expect(createQuote(db, params({ discountPercent: "100.5" }))).rejects.toThrow();
    await expect(
      db
        .insert(quoteVersions)
        .values({ quoteId: quote.id, version: 9, tokenHash: hashToken(token), cart, discountPercent: "0", expiresAt: t0 }),
    ).rejects.toThrow();
  });
});
