import { and, asc, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { educationVerifications, orders, proofUploads, user, type EducationVerificationRow, type VerificationStatus } from "../schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a new verification records; it starts pending. */
export interface NewVerification {
  orderId: string;
  userId: string;
  institutionName: string;
  institutionType: string;
  proofUploadId: string;
  now: Date;
}

/** Records a pending verification for an education order; call it inside the order's transaction. */
export async function createVerification(db: Db, params: NewVerification): Promise<EducationVerificationRow> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(educationVerifications)
    .values({ ...values, status: "pending", createdAt: now })
    .returning();
  if (!row) throw new Error(`Inserting the verification of order ${params.orderId} returned no row`);
  return row;
}

/** A verification with what an operator needs to decide it: the order, the buyer and the proof. */
export interface VerificationListItem {
  id: string;
  orderId: string;
  orderNumber: string;
  orderTotal: string;
  buyerEmail: string | null;
  institutionName: string;
  institutionType: string;
  proofUploadId: string;
  proofFileName: string;
  proofSize: number;
  status: VerificationStatus;
  reason: string | null;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

function listQuery(db: Db) {
  const buyer = alias(user, "buyer");
  const decider = alias(user, "decider");
  return db
    .select({
      id: educationVerifications.id,
      orderId: educationVerifications.orderId,
      orderNumber: orders.number,
      orderTotal: orders.total,
      buyerEmail: buyer.email,
      institutionName: educationVerifications.institutionName,
      institutionType: educationVerifications.institutionType,
      proofUploadId: educationVerifications.proofUploadId,
      proofFileName: proofUploads.fileName,
      proofSize: proofUploads.size,
      status: educationVerifications.status,
      reason: educationVerifications.reason,
      decidedByEmail: decider.email,
      decidedAt: educationVerifications.decidedAt,
      createdAt: educationVerifications.createdAt,
    })
    .from(educationVerifications)
    .innerJoin(orders, eq(orders.id, educationVerifications.orderId))
    .innerJoin(proofUploads, eq(proofUploads.id, educationVerifications.proofUploadId))
    .leftJoin(buyer, eq(buyer.id, educationVerifications.userId))
    .leftJoin(decider, eq(decider.id, educationVerifications.decidedBy))
    .$dynamic();
}

/** Verifications still waiting for an operator, oldest first (first come, first reviewed). */
export async function listPendingVerifications(db: Db, params: { limit?: number } = {}): Promise<VerificationListItem[]> {
  return listQuery(db)
    .where(eq(educationVerifications.status, "pending"))
    .orderBy(asc(educationVerifications.createdAt), asc(educationVerifications.id))
    .limit(params.limit ?? 200);
}

/** Approved and rejected verifications, most recently decided first. */
export async function listDecidedVerifications(db: Db, params: { limit?: number } = {}): Promise<VerificationListItem[]> {
  return listQuery(db)
    .where(ne(educationVerifications.status, "pending"))
    .orderBy(desc(educationVerifications.decidedAt), desc(educationVerifications.id))
    .limit(params.limit ?? 100);
}

/** The verification of an order (with its proof's file name), or undefined for an order that needs none. */
export async function getVerificationForOrder(db: Db, params: { orderId: string }) {
  const [row] = await db
    .select({ verification: educationVerifications, proofFileName: proofUploads.fileName })
    .from(educationVerifications)
    .innerJoin(proofUploads, eq(proofUploads.id, educationVerifications.proofUploadId))
    .where(eq(educationVerifications.orderId, params.orderId));
  return row ? { ...row.verification, proofFileName: row.proofFileName } : undefined;
}

export type Decision = { status: "approved" } | { status: "rejected"; reason: string };

export type DecideResult =
  | { ok: true; verification: EducationVerificationRow }
  | { ok: false; error: "NOT_FOUND" }
  | { ok: false; error: "ALREADY_DECIDED"; verification: EducationVerificationRow };

/**
 * Approves or rejects a pending verification. The update only matches a row that is still
 * pending, so of two operators deciding at once (or one clicking twice) exactly one wins; the
 * other gets ALREADY_DECIDED with the decision that stands.
 */
export async function decideVerification(
  db: Db,
  params: { id: string; decision: Decision; operatorId: string; now: Date },
): Promise<DecideResult> {
  if (!UUID.test(params.id)) return { ok: false, error: "NOT_FOUND" };
  const { decision } = params;
  const [updated] = await db
    .update(educationVerifications)
    .set({
      status: decision.status,
      reason: decision.status === "rejected" ? decision.reason : null,
      decidedBy: params.operatorId,
      decidedAt: params.now,
    })
    .where(and(eq(educationVerifications.id, params.id), eq(educationVerifications.status, "pending")))
    .returning();
  if (updated) return { ok: true, verification: updated };
  const [current] = await db.select().from(educationVerifications).where(eq(educationVerifications.id, params.id));
  return current ? { ok: false, error: "ALREADY_DECIDED", verification: current } : { ok: false, error: "NOT_FOUND" };
}

/** The verification with this id, if any (the audit log's before/after of a decision). */
export async function findVerification(db: Db, params: { id: string }): Promise<EducationVerificationRow | undefined> {
  if (!UUID.test(params.id)) return undefined;
  const [row] = await db.select().from(educationVerifications).where(eq(educationVerifications.id, params.id));
  return row;
}
