import type { PaymentStatus } from "@/lib/db/schema";

export type { PaymentStatus };

/** A payment's amount: a decimal string with two places, e.g. "52488.00". */
export type Amount = string;

/** What a provider's signed notification says, once verified. */
export interface PaymentEvent {
  notificationId: string;
  paymentRef: string;
  status: PaymentStatus;
  amount: Amount;
  /** With status `refunded`: the refund this notification reports (amount is then what went back). */
  refundRef?: string;
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
  }): Promise<{ paymentRef: string; redirectUrl: string }>;
  /** The gateway's current view of a payment (recovers a lost notification). */
  queryPayment(p: { paymentRef: string }): Promise<{ status: PaymentStatus; amount: Amount }>;
  /** Checks a notification's signature and freshness and parses it; never trusts an unverified body. */
  verifyNotification(p: { headers: Headers; rawBody: string; now: Date }): Promise<VerifyResult>;
  /** Refunds (part of) a succeeded payment; the same idempotencyKey refunds once. */
  refund(p: { paymentRef: string; amount: Amount; idempotencyKey: string }): Promise<{ refundRef: string }>;
  /** The gateway's current view of a refund (recovers a lost refund notification). */
  queryRefund(p: { refundRef: string }): Promise<{ status: "pending" | "succeeded" | "failed"; amount: Amount }>;
}
