import type { AgreementPurpose, PaymentStatus } from "@/lib/db/schema";

export type { AgreementPurpose, PaymentStatus };

/** A payment's amount: a decimal string with two places, e.g. "52488.00". */
export type Amount = string;

/** What a provider's signed notification says, once verified. */
export interface PaymentEvent {
  notificationId: string;
  paymentRef: string;
  status: PaymentStatus;
  amount: Amount;
  /** Set on a succeeded payment that also set up a recurring-payment agreement (the payer authorised it). */
  agreementRef?: string;
}

/** Asked with a payment: the hosted page asks the payer to authorise future charges for `description`. */
export interface AgreementRequest {
  purpose: AgreementPurpose;
  /** What the payer authorises, shown in the consent text (e.g. "Quorum 个人会员 100 方 每月自动续费"). */
  description: string;
}

/** A provider's answer to charging an agreement; `chargeRef` is the same for every call with one idempotency key. */
export interface AgreementChargeResult {
  status: "succeeded" | "failed";
  chargeRef: string;
  failureReason?: string;
}

export type VerifyFailure = "BAD_SIGNATURE" | "STALE" | "MALFORMED";
export type VerifyResult = { ok: true; event: PaymentEvent } | { ok: false; reason: VerifyFailure };

/**
 * A payment gateway as the app sees it. A provider is one folder under lib/payments implementing
 * this; the app never talks to a gateway any other way.
 */
export interface PaymentProvider {
  id: string;
  /** Starts a payment; the same idempotencyKey always yields the same payment. */
  createPayment(p: {
    orderId: string;
    orderNumber: string;
    amount: Amount;
    currency: "CNY";
    idempotencyKey: string;
    returnUrl: string;
    /** Also set up a recurring-payment agreement: on success the notification and queryPayment carry its agreementRef. */
    agreement?: AgreementRequest;
  }): Promise<{ paymentRef: string; redirectUrl: string }>;
  /** The gateway's current view of a payment (recovers a lost notification), with the agreement it set up, if any. */
  queryPayment(p: { paymentRef: string }): Promise<{ status: PaymentStatus; amount: Amount; agreementRef?: string }>;
  /** Checks a notification's signature and freshness and parses it; never trusts an unverified body. */
  verifyNotification(p: { headers: Headers; rawBody: string; now: Date }): Promise<VerifyResult>;
  /** Refunds (part of) a succeeded payment; the same idempotencyKey refunds once. */
  refund(p: { paymentRef: string; amount: Amount; idempotencyKey: string }): Promise<{ refundRef: string }>;
  /**
   * Charges an active agreement without the payer. The same idempotencyKey never charges twice: a repeat
   * answers the first call's outcome and chargeRef. A cancelled (or unknown-to-the-payer) agreement answers
   * `failed` with a failureReason; only a transport problem throws (then call again with the same key).
   */
  chargeAgreement(p: { agreementRef: string; amount: Amount; idempotencyKey: string; description: string }): Promise<AgreementChargeResult>;
  /** Ends an agreement: no charge succeeds on it afterwards. Cancelling a cancelled agreement is a no-op. */
  cancelAgreement(p: { agreementRef: string }): Promise<{ status: "cancelled" }>;
}
