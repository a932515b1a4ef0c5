import type { Db } from "@/lib/db/client";
import { getOwnOrder } from "@/lib/db/queries/orders";
import { countEndedPayments, recordPayment } from "@/lib/db/queries/payments";
import { getVerificationForOrder } from "@/lib/db/queries/verifications";
import { canPay, needsVerification } from "@/lib/orders/payability";
import { expireIfStale } from "@/lib/orders/state";
import { reconcilePayment } from "./reconcile";
import type { AgreementRequest, PaymentProvider } from "./types";

export type StartOrderPaymentResult =
  { ok: true; paymentRef: string; redirectUrl: string } | { ok: false; error: "NOT_FOUND" | "NOT_PAYABLE" };

/**
 * Starts (or resumes) paying the buyer's own order: the amount is the order's stored total,
 * never anything the browser sent. Attempt n uses idempotency key `${orderId}:${n}`, n being the
 * number of payments that failed or were cancelled, so a double click resumes one payment and a
 * retry after a failure starts a new one. With `agreement`, the provider's page also asks the payer to
 * authorise future charges; once paid, the agreement is recorded with the order (lib/payments/agreements.ts).
 */
export async function startOrderPayment(
  db: Db,
  provider: PaymentProvider,
  p: { orderId: string; userId: string; now: Date; agreement?: AgreementRequest },
): Promise<StartOrderPaymentResult> {
  const find = () => getOwnOrder(db, { orderId: p.orderId, userId: p.userId });
  if (!(await find())) return { ok: false, error: "NOT_FOUND" };
  // Learn the outcome of earlier attempts first: a lost notification may mean it is paid, or that the attempt failed.
  await reconcilePayment(db, provider, { orderId: p.orderId, now: p.now });
  // An order past its payment window expires rather than taking a new payment.
  await expireIfStale(db, { orderId: p.orderId, now: p.now });
  const order = await find();
  if (!order) return { ok: false, error: "NOT_FOUND" };
  const verification = needsVerification(order.edition) ? await getVerificationForOrder(db, { orderId: order.id }) : undefined;
  if (!canPay(order, verification)) return { ok: false, error: "NOT_PAYABLE" };

  const attempt = await countEndedPayments(db, { orderId: order.id });
  const idempotencyKey = `${order.id}:${attempt}`;
  const created = await provider.createPayment({
    orderId: order.id,
    orderNumber: order.number,
    amount: order.total,
    currency: "CNY",
    idempotencyKey,
    returnUrl: `/orders/${order.id}`,
    ...(p.agreement ? { agreement: p.agreement } : {}),
  });
  await recordPayment(db, {
    provider: provider.id,
    paymentRef: created.paymentRef,
    orderId: order.id,
    amount: order.total,
    idempotencyKey,
    now: p.now,
    agreementPurpose: p.agreement?.purpose ?? null,
    agreementDescription: p.agreement?.description ?? null,
  });
  return { ok: true, ...created };
}
