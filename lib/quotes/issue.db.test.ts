import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { user } from "@/lib/db/schema";
import { migratedDb, testBackend } from "@/lib/db/testing";
import { issueQuote, type Staff } from "./issue";
import { findQuoteByToken } from "./lifecycle";

const now = new Date("2026-11-22T02:00:00Z");
const business = { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [{ sku: "large-meeting-500", quantity: 1 }] };
const enterprise = { edition: "enterprise", seats: 300, term: { unit: "year", count: 1 }, addons: [] };
const form = (over: Record<string, unknown> = {}) => ({
  cart: business,
  customerName: "杭州示例科技有限公司",
  customerEmail: " Wang@Example.CN ",
  note: "",
  discountPercent: "10",
  negotiatedSeatPrice: "",
  expiresOn: "2026-12-22",
  buyerMayEdit: false,
  ...over,
});

describe(`issuing quotes on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const rep: Staff = { id: `rep-${randomUUID()}`, role: "sales", discountLimitPercent: 15 };
  const other: Staff = { id: `rep-${randomUUID()}`, role: "sales", discountLimitPercent: 15 };
  const issue = (input: unknown, staff: Staff = rep) => issueQuote(db, input, { staff, locale: "en", now });

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values([rep, other].map((s) => ({ id: s.id, name: s.id, email: `${s.id}@example.com`, role: s.role })));
  });
  afterAll(async () => handle.close());

  it.each<[string, Record<string, unknown>, Staff, string, string]>([
    ["10% within a 15% limit", {}, rep, "sent", "47239.20"],
    ["exactly the limit", { discountPercent: "15" }, rep, "sent", "44614.80"],
    ["20% above a 15% limit", { discountPercent: "20" }, rep, "pending_approval", "41990.40"],
    ["20% within a 25% limit", { discountPercent: "20" }, { ...rep, discountLimitPercent: 25 }, "sent", "41990.40"],
    [
      "a negotiated enterprise seat price, no discount",
      { cart: enterprise, discountPercent: "0", negotiatedSeatPrice: "1000" },
      rep,
      "pending_approval",
      "300000.00",
    ],
  ])("%s → %s at %s", async (_, over, staff, status, total) => {
    const result = await issue(form(over), staff);
    expect(result).toMatchObject({ ok: true, status, total, version: 1 });
    if (!result.ok) return;
    expect(result.path).toMatch(/^\/q\/[A-Za-z0-9_-]{43}$/);
    const found = await findQuoteByToken(db, { token: result.path!.slice(3), now });
    if (status === "sent")
      expect(found).toMatchObject({
        ok: true,
        quote: { customerEmail: "wang@example.cn", expiresAt: new Date("2026-12-22T15:59:59.999Z") },
      });
    else expect(found).toEqual({ ok: false, reason: "PENDING_APPROVAL" });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a percent above 100", { discountPercent: "100.5" }, "discountPercent", "Quotes.errors.discountPercent"],
    ["100% (an order of ¥0 cannot be paid)", { discountPercent: "100" }, "discountPercent", "Quotes.errors.discountPercent"],
    ["a percent with three places", { discountPercent: "1.005" }, "discountPercent", "Quotes.errors.discountPercent"],
    ["an empty customer", { customerName: " " }, "customerName", "Quotes.errors.customerName"],
    ["a bad email", { customerEmail: "wang@" }, "customerEmail", "Quotes.errors.customerEmail"],
    ["yesterday's expiry", { expiresOn: "2026-11-21" }, "expiresOn", "Quotes.errors.expiresOnRange"],
    ["an expiry over a year out", { expiresOn: "2027-11-24" }, "expiresOn", "Quotes.errors.expiresOnRange"],
    ["a negotiated price on business", { negotiatedSeatPrice: "900" }, "negotiatedSeatPrice", "Quotes.errors.negotiatedNotAllowed"],
    ["enterprise without a negotiated price", { cart: enterprise }, "negotiatedSeatPrice", "Quotes.errors.negotiatedRequired"],
    ["a zero negotiated price", { cart: enterprise, negotiatedSeatPrice: "0" }, "negotiatedSeatPrice", "Quotes.errors.negotiatedSeatPrice"],
  ])("refuses %s at its field", async (_, over, field, key) => {
    expect(await issue(form(over))).toEqual({ ok: false, error: "INVALID", fieldErrors: { [field]: [key] } });
  });

  it("refuses a cart that breaks a rule with the rule's code, and buyers altogether", async () => {
    const broken = await issue(form({ cart: { ...business, addons: [{ sku: "large-meeting-500", quantity: 31 }] } }));
    expect(broken).toMatchObject({ ok: false, error: "CART_INVALID", ruleErrors: [{ code: "LARGE_MEETING_EXCEEDS_SEATS" }] });
    expect(await issue(form(), { ...rep, role: "buyer" })).toEqual({ ok: false, error: "FORBIDDEN" });
  });

  it("a revision issues a new link, records what changed, and only its own rep (or an operator) may make it", async () => {
    const first = await issue(form());
    if (!first.ok) throw new Error("not issued");
    expect(await issue(form({ quoteId: first.quoteId }), other)).toEqual({ ok: false, error: "NOT_FOUND" });
    const second = await issue(form({ quoteId: first.quoteId, discountPercent: "5", cart: { ...business, seats: 40 }, note: "含培训" }));
    expect(second).toMatchObject({ ok: true, version: 2, status: "sent", total: "63068.60" });
    if (!second.ok) return;
    expect(await findQuoteByToken(db, { token: first.path!.slice(3), now })).toEqual({ ok: false, reason: "SUPERSEDED" });
    expect(await findQuoteByToken(db, { token: second.path!.slice(3), now })).toMatchObject({ ok: true });
    const stored = await getQuoteWithVersions(db, { quoteId: first.quoteId });
    expect(Object.keys(stored?.versions[1]?.changes as object).sort()).toEqual(["cart", "discountPercent", "note"]);
    const byOperator = await issue(form({ quoteId: first.quoteId, discountPercent: "30" }), {
      id: `ops-${randomUUID()}`,
      role: "operator",
      discountLimitPercent: 15,
    });
    expect(byOperator).toMatchObject({ ok: true, version: 3, status: "pending_approval" });
  });

  it("a draft has no working link until a version of it is issued", async () => {
    const draft = await issue(form({ draft: true }));
    expect(draft).toMatchObject({ ok: true, status: "draft", version: 1, path: null, total: "47239.20" });
    if (!draft.ok) return;
    const sent = await issue(form({ quoteId: draft.quoteId }));
    expect(sent).toMatchObject({ ok: true, status: "sent", version: 2 });
    if (!sent.ok) return;
    expect(await findQuoteByToken(db, { token: sent.path!.slice(3), now })).toMatchObject({ ok: true });
  });
});
