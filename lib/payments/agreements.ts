import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  claimAgreementCharge,
  endAgreement,
  getAgreement,
  getAgreementCharge,
  insertAgreement,
  listPendingAgreementCharges,
  settleAgreementCharge,
} from "@/lib/db/queries/agreements";
import { getOrder } from "@/lib/db/queries/orders";
import type { AgreementChargeRow, PaymentAgreementRow, PaymentRow } from "@/lib/db/schema";
import { parseFen } from "@/lib/money";
import { notify } from "@/lib/notifications";
import { amountSchema } from "@/lib/validations/money";
import type { Amount, PaymentProvider } from "./types";

/**
 * Recurring-payment agreements (README "Agreements"): a payer authorises one while paying an order
 * started with `startOrderPayment(…, { agreement })`; the app then charges it per period with
 * `chargeAgreementOnce` — exactly once per (agreement, period, attempt), across servers and crashes —
 * and ends it with `cancelAgreement`. The business rules (when to charge, how much, retries) are the
 * callers' (membership renewal, phone-credit auto-recharge).
 */

const exactAmount = amountSchema({ places: "exactly2" });

/**
 * In the payment's apply transaction (lib/payments/apply.ts), when the provider reports that the succeeded
 * payment set up an agreement: records it for the order's user (and organisation, if the order has one),
 * linked to the order and payment, and tells the payer in their inbox ("PlatformAgreements.inbox.created").
 * A repeat (notification and status query) records it, and tells it, once. Undefined
 * when the payment never asked for an agreement (the provider's report is then ignored, with a warning).
 */
export async function recordAgreementFromPayment(
  tx: Db,
  p: { provider: string; payment: PaymentRow; agreementRef: string; now: Date },
): Promise<PaymentAgreementRow | undefined> {
  if (!p.payment.agreementPurpose) {
    console.warn(`[payments] ${p.provider} reported agreement ${p.agreementRef} for payment ${p.payment.paymentRef}, which asked for none`);
    return undefined;
  }
  const order = await getOrder(tx, { orderId: p.payment.orderId });
  if (!order) return undefined;
  const agreement = await insertAgreement(tx, {
    id: randomUUID(),
    provider: p.provider,
    providerRef: p.agreementRef,
    userId: order.userId,
    organisationId: order.organisationId,
    purpose: p.payment.agreementPurpose,
    description: p.payment.agreementDescription ?? "",
    orderId: order.id,
    paymentRef: p.payment.paymentRef,
    now: p.now,
  });
  // The payer is told what they authorised (once: a repeat finds the same agreement and key).
  await notify(tx, {
    userId: agreement.userId,
    messageKey: "PlatformAgreements.inbox.created",
    params: { description: agreement.description },
    href: AGREEMENTS_PAGE,
    dedupeKey: `agreement.created:${agreement.id}`,
    now: p.now,
  });
  return agreement;
}

/** The payer's page of their agreements (cancel there). */
export const AGREEMENTS_PAGE = "/console/agreements";

/** Where a test may inject a crash while charging: after the claim, or after the provider charged (before the outcome is recorded). */
export type ChargeStep = "claimed" | "charged";

export type ChargeAgreementOnceResult =
  /** `charge.status` is succeeded or failed; `alreadyDone`: an earlier call had recorded it (nothing was charged now). */
  | { ok: true; charge: AgreementChargeRow; alreadyDone: boolean }
  /** NOT_FOUND: no such agreement; NOT_ACTIVE: it was cancelled or failed before this period was claimed. */
  | { ok: false; error: "NOT_FOUND" | "NOT_ACTIVE" };

/**
 * Charges an agreement for one period's attempt, exactly once however many servers call it and however
 * often: (1) claims the `agreement_charges` row of (agreementId, periodKey, attempt) — a unique insert,
 * so every caller gets the same row; (2) calls the provider with the row's id as idempotency key;
 * (3) records the outcome on the row if still pending. A crash between (2) and (3) leaves it pending:
 * calling again with the same arguments (or `resumePendingAgreementCharges`) asks the provider with the
 * same key, which answers the same charge, so it is recorded and never made twice. A provider that
 * cannot be reached throws and leaves the row pending for the same retry. A retry after a *failed*
 * charge is a new attempt (attempt + 1): the caller's schedule decides when.
 */
export async function chargeAgreementOnce(
  db: Db,
  provider: PaymentProvider,
  p: {
    agreementId: string;
    periodKey: string;
    attempt: number;
    amount: Amount;
    description: string;
    now: Date;
    /** Tests only: called after each step, to simulate a crash there. */
    fault?: (step: ChargeStep) => void;
  },
): Promise<ChargeAgreementOnceResult> {
  if (!exactAmount.safeParse(p.amount).success || parseFen(p.amount) <= 0) throw new Error(`invalid charge amount ${p.amount}`);
  if (!Number.isInteger(p.attempt) || p.attempt < 1) throw new Error(`invalid charge attempt ${p.attempt}`);
  const agreement = await getAgreement(db, { agreementId: p.agreementId });
  if (!agreement) return { ok: false, error: "NOT_FOUND" };
  if (agreement.provider !== provider.id)
    throw new Error(`agreement ${agreement.id} belongs to provider ${agreement.provider}, not ${provider.id}`);
  const key = { agreementId: agreement.id, periodKey: p.periodKey, attempt: p.attempt };
  // Not active: nothing new is claimed. A claim already made is still finished (the provider refuses a cancelled agreement).
  if (agreement.status !== "active" && !(await getAgreementCharge(db, key))) return { ok: false, error: "NOT_ACTIVE" };
  const { row } = await claimAgreementCharge(db, { ...key, id: randomUUID(), amount: p.amount, description: p.description, now: p.now });
  // A claim of this period by someone else for another amount is a caller bug, never a second charge.
  if (parseFen(row.amount) !== parseFen(p.amount)) throw new Error(`charge ${row.id} was claimed for ${row.amount}, not ${p.amount}`);
  if (row.status !== "pending") return { ok: true, charge: row, alreadyDone: true };
  p.fault?.("claimed");
  const outcome = await provider.chargeAgreement({
    agreementRef: agreement.providerRef,
    amount: row.amount,
    idempotencyKey: row.id,
    description: row.description,
  });
  p.fault?.("charged");
  const settled = await settleAgreementCharge(db, {
    chargeId: row.id,
    status: outcome.status,
    providerChargeRef: outcome.chargeRef,
    error: outcome.status === "failed" ? (outcome.failureReason ?? "FAILED") : null,
    now: p.now,
  });
  return { ok: true, charge: settled.row, alreadyDone: !settled.changed };
}

/**
 * Finishes charges a crashed server left pending (claimed before `before`, e.g. now − 5 minutes): each is
 * asked of the provider again under its own key, so nothing is charged twice. Answers how many it recorded.
 */
export async function resumePendingAgreementCharges(db: Db, provider: PaymentProvider, p: { now: Date; before: Date }): Promise<number> {
  let recorded = 0;
  for (const charge of await listPendingAgreementCharges(db, { before: p.before })) {
    const agreement = await getAgreement(db, { agreementId: charge.agreementId });
    if (agreement?.provider !== provider.id) continue;
    try {
      const result = await chargeAgreementOnce(db, provider, {
        agreementId: charge.agreementId,
        periodKey: charge.periodKey,
        attempt: charge.attempt,
        amount: charge.amount,
        description: charge.description,
        now: p.now,
      });
      if (result.ok && !result.alreadyDone) recorded += 1;
    } catch (error) {
      console.warn(`[payments] resuming agreement charge ${charge.id} failed`, error);
    }
  }
  return recorded;
}

export type CancelAgreementResult = { ok: true; agreement: PaymentAgreementRow; alreadyEnded: boolean } | { ok: false; error: "NOT_FOUND" };

/**
 * Cancels an agreement at the provider, then records it cancelled (and tells the payer in their inbox,
 * "PlatformAgreements.inbox.cancelled"): no later charge of it succeeds. With
 * `userId`, only that user's agreement is found (another user's answers NOT_FOUND). An agreement already
 * cancelled or failed is answered as it is (`alreadyEnded`). A provider that cannot be reached throws and
 * changes nothing: call again.
 */
export async function cancelAgreement(
  db: Db,
  provider: PaymentProvider,
  p: { agreementId: string; userId?: string; now: Date },
): Promise<CancelAgreementResult> {
  const agreement = await getAgreement(db, { agreementId: p.agreementId });
  if (!agreement || (p.userId !== undefined && agreement.userId !== p.userId)) return { ok: false, error: "NOT_FOUND" };
  if (agreement.status !== "active") return { ok: true, agreement, alreadyEnded: true };
  if (agreement.provider !== provider.id)
    throw new Error(`agreement ${agreement.id} belongs to provider ${agreement.provider}, not ${provider.id}`);
  await provider.cancelAgreement({ agreementRef: agreement.providerRef });
  const changed = await endAgreement(db, { agreementId: agreement.id, status: "cancelled", now: p.now });
  if (changed)
    await notify(db, {
      userId: agreement.userId,
      messageKey: "PlatformAgreements.inbox.cancelled",
      params: { description: agreement.description },
      href: AGREEMENTS_PAGE,
      dedupeKey: `agreement.cancelled:${agreement.id}`,
      now: p.now,
    });
  return { ok: true, agreement: (await getAgreement(db, { agreementId: agreement.id }))!, alreadyEnded: !changed };
}

/**
 * Ends an agreement the caller gave up on (e.g. auto-recharge after its last failed charge): cancelled at
 * the provider, recorded as `failed` (not the payer's cancellation). False when it was no longer active.
 */
export async function failAgreement(db: Db, provider: PaymentProvider, p: { agreementId: string; now: Date }): Promise<boolean> {
  const agreement = await getAgreement(db, { agreementId: p.agreementId });
  if (agreement?.status !== "active") return false;
  await provider.cancelAgreement({ agreementRef: agreement.providerRef });
  return endAgreement(db, { agreementId: agreement.id, status: "failed", now: p.now });
}
