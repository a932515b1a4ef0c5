import { and, asc, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  agreementCharges,
  type AgreementChargeRow,
  type AgreementChargeStatus,
  type AgreementPurpose,
  type AgreementStatus,
  paymentAgreements,
  type PaymentAgreementRow,
} from "../schema";

// ---- Agreements ----

export type NewAgreement = Omit<PaymentAgreementRow, "status" | "createdAt" | "updatedAt" | "cancelledAt"> & { now: Date };

/** Records an agreement a provider created; the same provider reference is recorded once (the first row is answered). */
export async function insertAgreement(db: Db, params: NewAgreement): Promise<PaymentAgreementRow> {
  const { now, ...values } = params;
  const [inserted] = await db
    .insert(paymentAgreements)
    .values({ ...values, status: "active", createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [paymentAgreements.provider, paymentAgreements.providerRef] })
    .returning();
  if (inserted) return inserted;
  const existing = await findAgreementByRef(db, { provider: params.provider, providerRef: params.providerRef });
  if (!existing) throw new Error(`agreement ${params.provider}:${params.providerRef} vanished`);
  return existing;
}

/** One agreement by id. */
export async function getAgreement(db: Db, params: { agreementId: string }): Promise<PaymentAgreementRow | undefined> {
  const [row] = await db.select().from(paymentAgreements).where(eq(paymentAgreements.id, params.agreementId));
  return row;
}

/** One agreement by the provider's reference. */
export async function findAgreementByRef(
  db: Db,
  params: { provider: string; providerRef: string },
): Promise<PaymentAgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(paymentAgreements)
    .where(and(eq(paymentAgreements.provider, params.provider), eq(paymentAgreements.providerRef, params.providerRef)));
  return row;
}

/** The agreement set up by an order's payment, if any. */
export async function getAgreementForOrder(db: Db, params: { orderId: string }): Promise<PaymentAgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(paymentAgreements)
    .where(eq(paymentAgreements.orderId, params.orderId))
    .orderBy(desc(paymentAgreements.createdAt))
    .limit(1);
  return row;
}

type AgreementFilter = { purpose?: AgreementPurpose; status?: AgreementStatus };
const filtered = (base: SQL, f: AgreementFilter) =>
  and(
    base,
    f.purpose ? eq(paymentAgreements.purpose, f.purpose) : undefined,
    f.status ? eq(paymentAgreements.status, f.status) : undefined,
  );

/** A user's agreements (optionally of one purpose / status), newest first. */
export async function listAgreementsForUser(db: Db, params: { userId: string } & AgreementFilter): Promise<PaymentAgreementRow[]> {
  return db
    .select()
    .from(paymentAgreements)
    .where(filtered(eq(paymentAgreements.userId, params.userId), params))
    .orderBy(desc(paymentAgreements.createdAt), desc(paymentAgreements.id));
}

/** An organisation's agreements (optionally of one purpose / status), newest first. */
export async function listAgreementsForOrganisation(
  db: Db,
  params: { organisationId: string } & AgreementFilter,
): Promise<PaymentAgreementRow[]> {
  return db
    .select()
    .from(paymentAgreements)
    .where(filtered(eq(paymentAgreements.organisationId, params.organisationId), params))
    .orderBy(desc(paymentAgreements.createdAt), desc(paymentAgreements.id));
}

/** Ends an active agreement (cancelled or failed); false when it was no longer active. */
export async function endAgreement(
  db: Db,
  params: { agreementId: string; status: Exclude<AgreementStatus, "active">; now: Date },
): Promise<boolean> {
  const updated = await db
    .update(paymentAgreements)
    .set({ status: params.status, updatedAt: params.now, ...(params.status === "cancelled" ? { cancelledAt: params.now } : {}) })
    .where(and(eq(paymentAgreements.id, params.agreementId), eq(paymentAgreements.status, "active")))
    .returning({ id: paymentAgreements.id });
  return updated.length > 0;
}

// ---- Charges ----

export type AgreementChargeKey = { agreementId: string; periodKey: string; attempt: number };

/** The charge of one (agreement, period, attempt), if claimed. */
export async function getAgreementCharge(db: Db, params: AgreementChargeKey): Promise<AgreementChargeRow | undefined> {
  const [row] = await db
    .select()
    .from(agreementCharges)
    .where(
      and(
        eq(agreementCharges.agreementId, params.agreementId),
        eq(agreementCharges.periodKey, params.periodKey),
        eq(agreementCharges.attempt, params.attempt),
      ),
    );
  return row;
}

/**
 * Claims (agreement, period, attempt) with a pending row: of any number of concurrent claims exactly one
 * inserts it (`claimed`); every caller gets the row (the unique index decides, across servers).
 */
export async function claimAgreementCharge(
  db: Db,
  params: AgreementChargeKey & { id: string; amount: string; description: string; now: Date },
): Promise<{ row: AgreementChargeRow; claimed: boolean }> {
  const { now, ...values } = params;
  const [inserted] = await db
    .insert(agreementCharges)
    .values({ ...values, status: "pending", createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [agreementCharges.agreementId, agreementCharges.periodKey, agreementCharges.attempt] })
    .returning();
  if (inserted) return { row: inserted, claimed: true };
  const existing = await getAgreementCharge(db, params);
  if (!existing) throw new Error(`agreement charge ${params.agreementId}/${params.periodKey}/${params.attempt} vanished`);
  return { row: existing, claimed: false };
}

/**
 * Records the provider's outcome on a pending charge (only a pending one changes: `changed`); answers the
 * row as it now is.
 */
export async function settleAgreementCharge(
  db: Db,
  params: {
    chargeId: string;
    status: Exclude<AgreementChargeStatus, "pending">;
    providerChargeRef: string;
    error?: string | null;
    now: Date;
  },
): Promise<{ row: AgreementChargeRow; changed: boolean }> {
  const [updated] = await db
    .update(agreementCharges)
    .set({ status: params.status, providerChargeRef: params.providerChargeRef, error: params.error ?? null, updatedAt: params.now })
    .where(and(eq(agreementCharges.id, params.chargeId), eq(agreementCharges.status, "pending")))
    .returning();
  if (updated) return { row: updated, changed: true };
  const [row] = await db.select().from(agreementCharges).where(eq(agreementCharges.id, params.chargeId));
  if (!row) throw new Error(`agreement charge ${params.chargeId} vanished`);
  return { row, changed: false };
}

/** An agreement's charges, oldest first. */
export async function listAgreementCharges(db: Db, params: { agreementId: string }): Promise<AgreementChargeRow[]> {
  return db
    .select()
    .from(agreementCharges)
    .where(eq(agreementCharges.agreementId, params.agreementId))
    .orderBy(asc(agreementCharges.createdAt), asc(agreementCharges.attempt));
}

/** Charges claimed before `before` and still pending (a server died between its claim and the provider's answer), oldest first. */
export async function listPendingAgreementCharges(db: Db, params: { before: Date; limit?: number }): Promise<AgreementChargeRow[]> {
  return db
    .select()
    .from(agreementCharges)
    .where(and(eq(agreementCharges.status, "pending"), lt(agreementCharges.createdAt, params.before)))
    .orderBy(asc(agreementCharges.createdAt))
    .limit(params.limit ?? 200);
}
