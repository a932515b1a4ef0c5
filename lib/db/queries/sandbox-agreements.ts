import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  type AgreementPurpose,
  sandboxAgreementCharges,
  sandboxAgreements,
  sandboxPayments,
  type SandboxAgreementChargeRow,
  type SandboxAgreementRow,
} from "../schema";

// The sandbox gateway's own agreements and their charges (only lib/payments/sandbox and its pages use these).

/** Creates the agreement a payer authorised with a payment, and links the payment to it; a repeat finds the first. */
export async function createSandboxAgreement(
  tx: Db,
  params: { agreementRef: string; paymentRef: string; purpose: AgreementPurpose; description: string; now: Date },
): Promise<SandboxAgreementRow> {
  const [existing] = await tx.select().from(sandboxAgreements).where(eq(sandboxAgreements.paymentRef, params.paymentRef));
  if (existing) return existing;
  const { now, ...values } = params;
  const [row] = await tx
    .insert(sandboxAgreements)
    .values({ ...values, createdAt: now })
    .returning();
  await tx.update(sandboxPayments).set({ agreementRef: params.agreementRef }).where(eq(sandboxPayments.paymentRef, params.paymentRef));
  return row!;
}

/** One sandbox agreement by reference. */
export async function getSandboxAgreement(db: Db, params: { agreementRef: string }): Promise<SandboxAgreementRow | undefined> {
  const [row] = await db.select().from(sandboxAgreements).where(eq(sandboxAgreements.agreementRef, params.agreementRef));
  return row;
}

/** Locks one sandbox agreement until the transaction ends (charges on it take turns). */
export async function lockSandboxAgreement(tx: Db, params: { agreementRef: string }): Promise<SandboxAgreementRow | undefined> {
  const [row] = await tx.select().from(sandboxAgreements).where(eq(sandboxAgreements.agreementRef, params.agreementRef)).for("update");
  return row;
}

/** The charge made under an idempotency key, if any. */
export async function findSandboxAgreementCharge(
  db: Db,
  params: { idempotencyKey: string },
): Promise<SandboxAgreementChargeRow | undefined> {
  const [row] = await db.select().from(sandboxAgreementCharges).where(eq(sandboxAgreementCharges.idempotencyKey, params.idempotencyKey));
  return row;
}

/** Records a charge; the caller holds the agreement's lock and has checked the key is new. */
export async function insertSandboxAgreementCharge(
  tx: Db,
  row: Omit<SandboxAgreementChargeRow, "createdAt"> & { now: Date },
): Promise<SandboxAgreementChargeRow> {
  const { now, ...values } = row;
  const [inserted] = await tx
    .insert(sandboxAgreementCharges)
    .values({ ...values, createdAt: now })
    .returning();
  return inserted!;
}

/** Uses one of the agreement's pending forced failures (developer control); false when none is left. */
export async function takeSandboxForcedFailure(tx: Db, params: { agreementRef: string }): Promise<boolean> {
  const updated = await tx
    .update(sandboxAgreements)
    .set({ failNext: sql`${sandboxAgreements.failNext} - 1` })
    .where(and(eq(sandboxAgreements.agreementRef, params.agreementRef), sql`${sandboxAgreements.failNext} > 0`))
    .returning({ ref: sandboxAgreements.agreementRef });
  return updated.length > 0;
}

/** Developer control: the agreement's next `count` charges are declined (0 clears it). */
export async function setSandboxForcedFailures(db: Db, params: { agreementRef: string; count: number }): Promise<boolean> {
  const updated = await db
    .update(sandboxAgreements)
    .set({ failNext: params.count })
    .where(eq(sandboxAgreements.agreementRef, params.agreementRef))
    .returning({ ref: sandboxAgreements.agreementRef });
  return updated.length > 0;
}

/** Cancels a sandbox agreement; an already cancelled one stays as it was. False for an unknown reference. */
export async function cancelSandboxAgreement(db: Db, params: { agreementRef: string; now: Date }): Promise<boolean> {
  await db
    .update(sandboxAgreements)
    .set({ status: "cancelled", cancelledAt: params.now })
    .where(and(eq(sandboxAgreements.agreementRef, params.agreementRef), eq(sandboxAgreements.status, "active")));
  return (await getSandboxAgreement(db, params)) !== undefined;
}

/** An agreement's charges, newest first. */
export async function listSandboxAgreementCharges(
  db: Db,
  params: { agreementRef: string; limit?: number },
): Promise<SandboxAgreementChargeRow[]> {
  return db
    .select()
    .from(sandboxAgreementCharges)
    .where(eq(sandboxAgreementCharges.agreementRef, params.agreementRef))
    .orderBy(desc(sandboxAgreementCharges.createdAt), desc(sandboxAgreementCharges.chargeRef))
    .limit(params.limit ?? 100);
}
