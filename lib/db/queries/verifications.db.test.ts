import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsFor } from "@/lib/agreements";
import { placeOrder } from "@/lib/orders/place-order";
import type { Db, DbHandle } from "../client";
import { educationVerifications, user } from "../schema";
import { migratedDb, testBackend } from "../testing";
import { createProofUpload, findOwnProofUpload, getProofUpload } from "./proof-uploads";
import { decideVerification, getVerificationForOrder, listDecidedVerifications, listPendingVerifications } from "./verifications";

const now = new Date("2026-11-22T04:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin1");
const cart = {
  edition: "education",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
} as const;

describe(`education verifications on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;
  const operatorId = `operator-${randomUUID()}`;

  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
    await db.insert(user).values({ id: operatorId, name: "Ops", email: `${operatorId}@example.com`, role: "operator" });
  });
  afterAll(async () => handle.close());

  /** A buyer account, a proof upload and an education order placed with it. */
  async function educationOrder(institutionName = "某某市第一中学", at = now) {
    const userId = `buyer-${randomUUID()}`;
    await db.insert(user).values({ id: userId, name: "李雷", email: `${userId}@example.com` });
    const upload = await createProofUpload(db, { userId, fileName: "办学许可证.pdf", contentType: "application/pdf", bytes: PDF });
    const result = await placeOrder(
      db,
      {
        idempotencyKey: randomUUID(),
        cart,
        expectedTotal: "33588.00",
        consents: agreementsFor("education").map((a) => ({ agreementId: a.id, version: a.version })),
        organisation: { organisationName: institutionName, contactName: "李雷", mobile: "13800138000", email: "li@example.com" },
        invoice: { type: "none" },
        education: { institutionName, institutionType: "primary-secondary", proofUploadId: upload.id, proofFileName: upload.fileName },
      },
      { userId, locale: "zh-CN", now: at },
    );
    if (!result.ok) throw new Error(`education order refused: ${JSON.stringify(result)}`);
    const verification = await getVerificationForOrder(db, { orderId: result.orderId });
    if (!verification) throw new Error("no verification stored with the education order");
    return { userId, upload, orderId: result.orderId, verification };
  }

  it("stores the proof's bytes exactly, with size and SHA-256, readable by id", async () => {
    const bytes = new Uint8Array(256).map((_, i) => i); // every byte value, NUL included
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const stored = await createProofUpload(db, { userId: "uploader", fileName: "all-bytes.pdf", contentType: "application/pdf", bytes });
    expect(stored).toMatchObject({ userId: "uploader", fileName: "all-bytes.pdf", contentType: "application/pdf", size: 256 });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toHaveProperty("bytes");
    const read = await getProofUpload(db, { id: stored.id });
    expect(Buffer.isBuffer(read?.bytes)).toBe(true);
    expect(read?.bytes.equals(Buffer.from(bytes))).toBe(true);
    expect(await findOwnProofUpload(db, { id: stored.id, userId: "uploader" })).toMatchObject({ id: stored.id });
    expect(await findOwnProofUpload(db, { id: stored.id, userId: "someone-else" })).toBeUndefined();
    expect(await getProofUpload(db, { id: "not-a-uuid" })).toBeUndefined();
    expect(await getProofUpload(db, { id: randomUUID() })).toBeUndefined();
  });

  it("an education order comes with a pending verification listed for operators", async () => {
    const { userId, upload, orderId, verification } = await educationOrder("第二实验小学");
    expect(verification).toMatchObject({
      orderId,
      userId,
      institutionName: "第二实验小学",
      institutionType: "primary-secondary",
      proofUploadId: upload.id,
      status: "pending",
      reason: null,
      decidedBy: null,
      decidedAt: null,
      proofFileName: "办学许可证.pdf",
    });
    const pending = await listPendingVerifications(db);
    expect(pending.find((p) => p.id === verification.id)).toMatchObject({
      orderId,
      orderTotal: "33588.00",
      buyerEmail: `${userId}@example.com`,
      institutionName: "第二实验小学",
      proofFileName: "办学许可证.pdf",
      proofSize: PDF.length,
      status: "pending",
      decidedByEmail: null,
    });
    expect((await listDecidedVerifications(db)).some((d) => d.id === verification.id)).toBe(false);
  });

  it("lists pending verifications oldest first", async () => {
    const first = await educationOrder("甲校", new Date("2026-11-22T03:00:00Z"));
    const second = await educationOrder("乙校", new Date("2026-11-22T03:00:01Z"));
    const ids = (await listPendingVerifications(db)).map((p) => p.id);
    expect(ids.indexOf(first.verification.id)).toBeLessThan(ids.indexOf(second.verification.id));
  });

  it("approves once: a second decision is refused and the first stands", async () => {
    const { verification } = await educationOrder();
    const decidedAt = new Date("2026-11-22T05:00:00Z");
    const approved = await decideVerification(db, { id: verification.id, decision: { status: "approved" }, operatorId, now: decidedAt });
    expect(approved).toMatchObject({ ok: true, verification: { status: "approved", reason: null, decidedBy: operatorId, decidedAt } });
    const again = await decideVerification(db, {
      id: verification.id,
      decision: { status: "rejected", reason: "Not a public school" },
      operatorId,
      now,
    });
    expect(again).toMatchObject({ ok: false, error: "ALREADY_DECIDED", verification: { status: "approved" } });
    expect((await listPendingVerifications(db)).some((p) => p.id === verification.id)).toBe(false);
    expect((await listDecidedVerifications(db)).find((d) => d.id === verification.id)).toMatchObject({
      status: "approved",
      decidedByEmail: `${operatorId}@example.com`,
      decidedAt,
    });
  });

  it("rejects with the reason the buyer will read", async () => {
    const { orderId, verification } = await educationOrder();
    const result = await decideVerification(db, {
      id: verification.id,
      decision: { status: "rejected", reason: "证明文件模糊，请重新上传清晰的扫描件。" },
      operatorId,
      now,
    });
    expect(result).toMatchObject({ ok: true, verification: { status: "rejected", reason: "证明文件模糊，请重新上传清晰的扫描件。" } });
    expect(await getVerificationForOrder(db, { orderId })).toMatchObject({
      status: "rejected",
      reason: "证明文件模糊，请重新上传清晰的扫描件。",
      decidedBy: operatorId,
    });
  });

  it("decides exactly once when operators approve and reject at the same time", async () => {
    const { verification } = await educationOrder();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        decideVerification(db, {
          id: verification.id,
          decision: i % 2 ? { status: "approved" } : { status: "rejected", reason: `reason number ${i}` },
          operatorId: `${operatorId}`,
          now,
        }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "ALREADY_DECIDED")).toHaveLength(11);
    const [row] = await db.select().from(educationVerifications).where(eq(educationVerifications.id, verification.id));
    expect(row?.status).toBe(winners[0]?.ok && winners[0].verification.status);
  });

  it("finds nothing to decide for an unknown or malformed id", async () => {
    expect(await decideVerification(db, { id: randomUUID(), decision: { status: "approved" }, operatorId, now })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await decideVerification(db, { id: "1 or 1=1", decision: { status: "approved" }, operatorId, now })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await getVerificationForOrder(db, { orderId: "no-such-order" })).toBeUndefined();
  });

  it("the database refuses a rejection without a reason or a decision without its operator", async () => {
    const { verification } = await educationOrder();
    const set = (values: Partial<typeof educationVerifications.$inferInsert>) =>
      db.update(educationVerifications).set(values).where(eq(educationVerifications.id, verification.id));
    await expect(set({ status: "rejected", decidedBy: operatorId, decidedAt: now })).rejects.toThrow();
    await expect(set({ status: "approved" })).rejects.toThrow();
    await expect(set({ status: "maybe" as never, decidedBy: operatorId, decidedAt: now })).rejects.toThrow();
  });
});
