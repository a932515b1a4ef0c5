import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/next-path";
import type { Db } from "@/lib/db/client";
import { createSandboxPayment, getSandboxPayment, refundSandboxPayment } from "@/lib/db/queries/payments";
import {
  cancelSandboxAgreement,
  findSandboxAgreementCharge,
  insertSandboxAgreementCharge,
  lockSandboxAgreement,
  takeSandboxForcedFailure,
} from "@/lib/db/queries/sandbox-agreements";
import type { SandboxAgreementChargeRow } from "@/lib/db/schema";
import { parseFen } from "@/lib/money";
import { amountSchema as moneySchema } from "@/lib/validations/money";
import { signedHeaders, verifySignature } from "../signature";
import type { PaymentEvent, PaymentProvider } from "../types";

export const SANDBOX_PROVIDER_ID = "sandbox";

const amountSchema = moneySchema({ places: "exactly2" });

/** The body of a sandbox notification. */
export const sandboxNotificationSchema = z.object({
  notificationId: z.string().min(1).max(200),
  paymentRef: z.string().min(1).max(200),
  status: z.enum(["succeeded", "failed", "cancelled"]),
  amount: amountSchema,
  agreementRef: z.string().min(1).max(200).optional(),
});

/** Why the sandbox declines an agreement charge. */
export const SANDBOX_CHARGE_FAILURES = {
  /** The developer control made it fail ("fail the next N charges" on the agreement's sandbox page). */
  declined: "SANDBOX_DECLINED",
  cancelled: "AGREEMENT_CANCELLED",
} as const;

const chargeResult = (row: SandboxAgreementChargeRow) =>
  row.status === "succeeded"
    ? { status: "succeeded" as const, chargeRef: row.chargeRef }
    : { status: "failed" as const, chargeRef: row.chargeRef, failureReason: row.failureReason ?? SANDBOX_CHARGE_FAILURES.declined };

/** A notification as the sandbox gateway sends it: the raw JSON body and its signed headers. */
export function sandboxNotification(p: { secret: string; event: PaymentEvent; now: Date }): { headers: Headers; rawBody: string } {
  const rawBody = JSON.stringify({
    notificationId: p.event.notificationId,
    paymentRef: p.event.paymentRef,
    status: p.event.status,
    amount: p.event.amount,
    ...(p.event.agreementRef ? { agreementRef: p.event.agreementRef } : {}),
  });
  return { headers: new Headers(signedHeaders({ secret: p.secret, rawBody, now: p.now })), rawBody };
}

/** A same-site path: the sandbox only ever sends the buyer back into the app. */
const isLocalPath = (url: string) => url !== "/" && safeNextPath(url) === url;

/**
 * The built-in sandbox gateway: its state lives in `sandbox_payments`, its hosted page at
 * /pay/sandbox/<paymentRef>, and it notifies the app with signed, timestamped callbacks.
 */
export function createSandboxProvider(options: { db: () => Promise<Db>; secret: string; now?: () => Date }): PaymentProvider {
  const now = options.now ?? (() => new Date());
  return {
    id: SANDBOX_PROVIDER_ID,

    async createPayment(p) {
      if (!amountSchema.safeParse(p.amount).success || parseFen(p.amount) <= 0) throw new Error(`sandbox: invalid amount ${p.amount}`);
      if (!isLocalPath(p.returnUrl)) throw new Error("sandbox: returnUrl must be a same-site path");
      const row = await createSandboxPayment(await options.db(), {
        paymentRef: `sbp_${randomBytes(16).toString("hex")}`,
        orderId: p.orderId,
        orderNumber: p.orderNumber,
        amount: p.amount,
        idempotencyKey: p.idempotencyKey,
        returnUrl: p.returnUrl,
        agreementPurpose: p.agreement?.purpose ?? null,
        agreementDescription: p.agreement?.description ?? null,
        now: now(),
      });
      // Like a real gateway: a key reused for another payment is a caller bug, not a second payment.
      if (row.orderId !== p.orderId || row.amount !== p.amount || (row.agreementPurpose ?? undefined) !== p.agreement?.purpose)
        throw new Error(`sandbox: idempotency key ${p.idempotencyKey} reused for a different payment`);
      return { paymentRef: row.paymentRef, redirectUrl: `/pay/sandbox/${row.paymentRef}` };
    },

    async queryPayment({ paymentRef }) {
      const row = await getSandboxPayment(await options.db(), { paymentRef });
      if (!row) throw new Error(`sandbox: unknown payment ${paymentRef}`);
      return { status: row.status, amount: row.amount, ...(row.agreementRef ? { agreementRef: row.agreementRef } : {}) };
    },

    async verifyNotification({ headers, rawBody, now }) {
      const check = verifySignature({ secret: options.secret, headers, rawBody, now });
      if (!check.ok) return check;
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { ok: false, reason: "MALFORMED" };
      }
      const parsed = sandboxNotificationSchema.safeParse(json);
      return parsed.success ? { ok: true, event: parsed.data } : { ok: false, reason: "MALFORMED" };
    },

    // The sandbox never takes a wrong amount itself: tests deliver one in a signed notification while
    // its own record is still pending, so it refunds (voids) a pending payment too, and records either as refunded.
    async refund({ paymentRef, amount, idempotencyKey }) {
      const db = await options.db();
      const row = await getSandboxPayment(db, { paymentRef });
      // Derived from the key, so a retried refund answers the same reference.
      const refundRef = `sbr_${createHash("sha256").update(`${paymentRef}:${idempotencyKey}`).digest("hex").slice(0, 32)}`;
      if (row?.status === "refunded" && row.refundRef === refundRef) return { refundRef };
      if (!row || (row.status !== "succeeded" && row.status !== "pending"))
        throw new Error(`sandbox: payment ${paymentRef} cannot be refunded`);
      const fen = amountSchema.safeParse(amount).success ? parseFen(amount) : 0;
      if (fen <= 0 || (row.status === "succeeded" && fen > parseFen(row.amount)))
        throw new Error(`sandbox: invalid refund amount ${amount}`);
      if (!(await refundSandboxPayment(db, { paymentRef, refundRef, now: now() })))
        throw new Error(`sandbox: payment ${paymentRef} ended while it was refunded`);
      return { refundRef };
    },

    // One charge per idempotency key: under the agreement's row lock the key is looked up first, so a
    // concurrent or retried call answers the charge already made (its outcome and reference).
    async chargeAgreement({ agreementRef, amount, idempotencyKey, description }) {
      if (!amountSchema.safeParse(amount).success || parseFen(amount) <= 0) throw new Error(`sandbox: invalid amount ${amount}`);
      const db = await options.db();
      return db.transaction(async (tx) => {
        const agreement = await lockSandboxAgreement(tx, { agreementRef });
        if (!agreement) throw new Error(`sandbox: unknown agreement ${agreementRef}`);
        const existing = await findSandboxAgreementCharge(tx, { idempotencyKey });
        if (existing) {
          if (existing.agreementRef !== agreementRef || existing.amount !== amount)
            throw new Error(`sandbox: idempotency key ${idempotencyKey} reused for a different charge`);
          return chargeResult(existing);
        }
        const failureReason =
          agreement.status !== "active"
            ? SANDBOX_CHARGE_FAILURES.cancelled
            : (await takeSandboxForcedFailure(tx, { agreementRef }))
              ? SANDBOX_CHARGE_FAILURES.declined
              : null;
        const row = await insertSandboxAgreementCharge(tx, {
          chargeRef: `sbc_${randomBytes(16).toString("hex")}`,
          agreementRef,
          idempotencyKey,
          amount,
          description,
          status: failureReason ? "failed" : "succeeded",
          failureReason,
          now: now(),
        });
        return chargeResult(row);
      });
    },

    async cancelAgreement({ agreementRef }) {
      if (!(await cancelSandboxAgreement(await options.db(), { agreementRef, now: now() })))
        throw new Error(`sandbox: unknown agreement ${agreementRef}`);
      return { status: "cancelled" };
    },
  };
}
