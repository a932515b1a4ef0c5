import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db, DbHandle } from "@/lib/db/client";
import { createProofUpload } from "@/lib/db/queries/proof-uploads";
import { getVerificationForOrder } from "@/lib/db/queries/verifications";
import { auditLog, user } from "@/lib/db/schema";
import { migratedDb, testBackend } from "@/lib/db/testing";
import { placeOrder } from "@/lib/orders/place-order";

// Issue 11 item 10: every operator and staff action appends one audit entry (who, when, what,
// before/after) through the action client's `audited` step; refused notifications too; the log
// refuses UPDATE and DELETE.

const request = vi.hoisted(() => ({ user: null as CurrentUser | null, db: null as unknown }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => request.user }));
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<object>()), getDb: async () => request.db }));

const { createVoucherAction } = await import("@/lib/actions/create-voucher");
const { issueQuoteAction } = await import("@/lib/actions/issue-quote");
const { approveQuoteAction } = await import("@/lib/actions/approve-quote");
const { rejectQuoteAction } = await import("@/lib/actions/reject-quote");
const { revokeQuoteAction } = await import("@/lib/actions/revoke-quote");
const { setDiscountLimitAction } = await import("@/lib/actions/set-discount-limit");
const { approveVerification } = await import("@/lib/actions/approve-verification");
const { rejectVerification } = await import("@/lib/actions/reject-verification");
const { handlePaymentNotification } = await import("@/lib/payments/notify");
const { listAuditEntries } = await import("@/lib/db/queries/audit");

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin1");
const operator: CurrentUser = { id: `op-${randomUUID()}`, email: "ops@example.com", name: "Ops", role: "operator" };
const rep: CurrentUser = { id: `rep-${randomUUID()}`, email: "rep@example.com", name: "Rep", role: "sales" };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const quoteForm = (discountPercent: string) => ({
  cart: { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [] },
  customerName: "杭州示例科技有限公司",
  customerEmail: "wang@example.cn",
  note: "",
  discountPercent,
  negotiatedSeatPrice: "",
  // Twenty days from the real clock (the action reads the request clock).
  expiresOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  buyerMayEdit: false,
});

describe(`the audit log on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const entries = async () => (await listAuditEntries(db, { limit: 1000, offset: 0 })).reverse();
  let seen = 0;
  /** The entries appended since the last call. */
  const appended = async () => {
    const all = await entries();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    request.db = db;
    await db.insert(user).values([
      { id: operator.id, name: operator.name, email: operator.email, role: "operator" },
      { id: rep.id, name: rep.name, email: rep.email, role: "sales", discountLimitPercent: 15 },
    ]);
  });
  afterAll(async () => handle.close());
  beforeEach(() => {
    request.user = operator;
  });

  it("create-voucher: one entry by the operator, nothing before, the voucher after", async () => {
    const result = await createVoucherAction(null, form({ code: "AUDIT-10", kind: "percent", percent: "10", singleUse: "on" }));
    expect(result).toMatchObject({ ok: true, code: "AUDIT-10" });
    const [entry, ...rest] = await appended();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: "create-voucher", actorId: operator.id, actorEmail: operator.email, actorRole: "operator" });
    expect(entry).toMatchObject({
      subject: "AUDIT-10",
      before: null,
      after: { code: "AUDIT-10", kind: "percent", percent: 10, redeemedOrderId: null },
    });
    // A refused one (the code is taken) changes nothing and records nothing.
    expect(await createVoucherAction(null, form({ code: "AUDIT-10", kind: "percent", percent: "10", singleUse: "on" }))).toMatchObject({
      ok: false,
    });
    expect(await appended()).toEqual([]);
  });

  it("issue-quote, approve-quote, reject-quote, revoke-quote: one entry each with the quote before and after", async () => {
    request.user = rep;
    const issued = await issueQuoteAction(quoteForm("20"));
    expect(issued).toMatchObject({ ok: true, status: "pending_approval" });
    if (!issued.ok) throw new Error("not issued");
    const [issue] = await appended();
    expect(issue).toMatchObject({ kind: "issue-quote", actorEmail: rep.email, actorRole: "sales", subject: issued.quoteId, before: null });
    expect(issue?.after).toMatchObject({ quote: { id: issued.quoteId, status: "pending_approval" }, version: { version: 1 } });
    expect(JSON.stringify(issue?.after)).not.toContain("tokenHash");

    request.user = operator;
    expect(await approveQuoteAction({ quoteId: issued.quoteId, version: 1 })).toEqual({ ok: true });
    const [approve, ...more] = await appended();
    expect(more).toEqual([]);
    expect(approve).toMatchObject({ kind: "approve-quote", actorId: operator.id, subject: issued.quoteId });
    expect(approve).toMatchObject({
      before: { quote: { status: "pending_approval" } },
      after: { quote: { status: "sent", approvedBy: operator.id } },
    });
    // Approving again is refused: no entry.
    expect(await approveQuoteAction({ quoteId: issued.quoteId, version: 1 })).toMatchObject({ ok: false });
    expect(await appended()).toEqual([]);

    request.user = rep;
    const second = await issueQuoteAction(quoteForm("25"));
    if (!second.ok) throw new Error("not issued");
    await appended();
    request.user = operator;
    expect(await rejectQuoteAction({ quoteId: second.quoteId, version: 1 })).toEqual({ ok: true });
    const [reject] = await appended();
    expect(reject).toMatchObject({
      kind: "reject-quote",
      before: { quote: { status: "pending_approval" } },
      after: { quote: { status: "revoked" } },
    });

    request.user = rep;
    expect(await revokeQuoteAction({ quoteId: issued.quoteId })).toEqual({ ok: true });
    const [revoke] = await appended();
    expect(revoke).toMatchObject({
      kind: "revoke-quote",
      actorEmail: rep.email,
      before: { quote: { status: "sent" } },
      after: { quote: { status: "revoked" } },
    });
  });

  it("set-discount-limit: the sales account before and after", async () => {
    expect(await setDiscountLimitAction(null, form({ id: rep.id, discountLimitPercent: "30" }))).toMatchObject({ ok: true });
    const [entry] = await appended();
    expect(entry).toMatchObject({
      kind: "set-discount-limit",
      subject: rep.id,
      before: { id: rep.id, discountLimitPercent: 15 },
      after: { id: rep.id, discountLimitPercent: 30 },
    });
  });

  it("approve-verification and reject-verification: the verification before and after", async () => {
    const verificationOf = async () => {
      const userId = `buyer-${randomUUID()}`;
      await db.insert(user).values({ id: userId, name: "李雷", email: `${userId}@example.com` });
      const upload = await createProofUpload(db, { userId, fileName: "许可证.pdf", contentType: "application/pdf", bytes: PDF });
      const placed = await placeOrder(
        db,
        {
          idempotencyKey: randomUUID(),
          cart: { edition: "education", seats: 30, term: { unit: "year", count: 1 }, addons: [{ sku: "large-meeting-500", quantity: 1 }] },
          expectedTotal: "33588.00",
          consents: agreementsFor("education").map((a) => ({ agreementId: a.id, version: a.version })),
          organisation: { organisationName: "某某中学", contactName: "李雷", mobile: "13800138000", email: "li@example.com" },
          invoice: { type: "none" },
          education: {
            institutionName: "某某中学",
            institutionType: "primary-secondary",
            proofUploadId: upload.id,
            proofFileName: upload.fileName,
          },
        },
        { userId, locale: "zh-CN", now: new Date() },
      );
      if (!placed.ok) throw new Error(JSON.stringify(placed));
      return (await getVerificationForOrder(db, { orderId: placed.orderId }))!.id;
    };
    const approved = await verificationOf();
    await appended();
    expect(await approveVerification(null, form({ verificationId: approved }))).toMatchObject({ ok: true });
    const [approve] = await appended();
    expect(approve).toMatchObject({
      kind: "approve-verification",
      subject: approved,
      before: { status: "pending" },
      after: { status: "approved" },
    });
    const rejected = await verificationOf();
    await appended();
    expect(await rejectVerification(null, form({ verificationId: rejected, reason: "证明文件不清晰" }))).toMatchObject({ ok: true });
    const [reject] = await appended();
    expect(reject).toMatchObject({ kind: "reject-verification", before: { status: "pending" }, after: { status: "rejected" } });
  });

  it("a refused payment notification (bad signature) is recorded once, by the system", async () => {
    const provider = {
      id: "sandbox",
      verifyNotification: async () => ({ ok: false as const, reason: "BAD_SIGNATURE" as const }),
    } as unknown as Parameters<typeof handlePaymentNotification>[1];
    const response = await handlePaymentNotification(db, provider, { headers: new Headers(), rawBody: '{"forged":true}', now: new Date() });
    expect(response).toEqual({ status: 400, body: { ok: false, error: "BAD_SIGNATURE" } });
    const [entry, ...rest] = await appended();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      kind: "payment-notification-refused",
      actorId: null,
      subject: "sandbox",
      after: { reason: "BAD_SIGNATURE", body: '{"forged":true}' },
    });
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    expect((await entries()).length).toBeGreaterThan(0);
    await expect(db.update(auditLog).set({ kind: "forged" })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await entries()).every((e) => e.kind !== "forged")).toBe(true);
    // Inserting still works.
    await db.insert(auditLog).values({ at: new Date(), kind: "probe" });
    expect((await entries()).at(-1)?.kind).toBe("probe");
  });

  it("every staff action (hasRole) in lib/actions records through `audited`", () => {
    const dir = new URL("../actions/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "client.ts");
    const staff = files.filter((f) => /\.useValidated\(hasRole\(/.test(readFileSync(new URL(f, dir), "utf8")));
    expect(staff.length).toBeGreaterThanOrEqual(9);
    for (const f of staff)
      expect(readFileSync(new URL(f, dir), "utf8"), f).toMatch(/\.useValidated\(hasRole\([^)]*\)\)\s*\.useValidated\(audited\(/);
  });
});
