import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/client-messages";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { agreements } from "@/lib/agreements";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import { encodeCart } from "@/lib/cart/url";
import { followOrder } from "@/lib/orders/follow";
import { BADGE_TONE, fulfilledAtZero, orderBadge, orderTimeline } from "@/lib/orders/display";
import { orderLinesIn } from "@/lib/orders/lines-view";
import { paymentDeadline } from "@/lib/orders/window";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { ExpiryCountdown } from "@/components/expiry-countdown";
import { StatusBadge } from "@/components/ui/status-badge";
import { requestNow } from "@/lib/clock";
import type { CartInput } from "@/lib/pricing/types";
import { getVerificationForOrder } from "@/lib/db/queries/verifications";
import { formatMoney } from "@/lib/money";
import { Section } from "@/components/ui/section";
import { canPay, needsVerification } from "@/lib/orders/payability";
import Link from "next/link";
import { OrderStatusPoller } from "./_components/order-status-poller";
import { PrintButton } from "@/components/print-button";
import { buttonVariants } from "@/components/ui/button";
import { InvoiceDetails } from "@/components/invoice-details";
import { hasReceipt } from "@/lib/receipts/receipt";
import { PayButton } from "./_components/pay-button";
import { VerificationStatus } from "./_components/verification-status";
import { CancelOrderButton } from "./_components/cancel-order-button";
import { OrderHistory } from "./_components/order-history";
import { hasRefundSection, RefundSection } from "./_components/refund-section";
import { isMembershipOrder } from "@/lib/membership/cart";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/orders/${id}`);
  const db = await getDb();
  // Following the order here is what the return from the payment page relies on when no notification came.
  const now = await requestNow();
  const found = await followOrder(db, { orderId: id, userId: user.id, now });
  if (!found) notFound();
  const { order, consents, events } = found;
  const verifies = needsVerification(order.edition);
  const verification = verifies ? await getVerificationForOrder(db, { orderId: order.id }) : undefined;
  const payments = await listPaymentsForOrder(db, { orderId: order.id });
  const lastPayment = payments.at(-1);
  const [t, tState, format, locale] = [
    await getTranslations("Order"),
    await getTranslations("OrderStates"),
    await getFormatter(),
    await getLocale(),
  ];
  const [tReceipt, tAgreement, tCheckout] = [
    await getTranslations("Receipt"),
    await getTranslations("AgreementPage"),
    await getTranslations("Checkout"),
  ];
  // The lines in the reader's language, re-worded from the stored cart; the stored amounts stand.
  const { lines } = await orderLinesIn(db, { order, lines: found.lines, locale: isLocale(locale) ? locale : DEFAULT_LOCALE });
  const badge = orderBadge({ order, lastPayment, verification });
  const payable = canPay(order, verification);
  const deadline = order.status === "pending_payment" ? paymentDeadline(order, verification) : null;
  const endedAttempt = lastPayment && (lastPayment.status === "failed" || lastPayment.status === "cancelled") ? lastPayment : undefined;
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const org = order.organisation as { organisationName: string; contactName: string; mobile: string; email: string };
  // A personal membership's order (issue 14): no organisation; its next steps are on /membership.
  const membership = isMembershipOrder(order);
  const tMembership = await getTranslations("Membership");
  return (
    <ClientMessages
      namespaces={[
        "Order",
        "OrderStates.cancel",
        "OrderStates.deadline",
        "Payments.start",
        "Quotes.view",
        "Refunds.form",
        "Refunds.simulator",
      ]}
    >
      <article className="mx-auto max-w-3xl space-y-6">
        <header>
          <div className="flex items-start justify-between gap-4">
            <h1 className="text-2xl font-bold">{t("title", { number: order.number })}</h1>
            <div className="no-print flex flex-wrap justify-end gap-2">
              {hasReceipt(order) && (
                <>
                  <Link href={`/orders/${order.id}/receipt`} className={buttonVariants({ variant: "secondary", className: "text-sm" })}>
                    {tReceipt("view")}
                  </Link>
                  <a href={`/orders/${order.id}/receipt/pdf`} download className={buttonVariants({ className: "text-sm" })}>
                    {tReceipt("download")}
                  </a>
                </>
              )}
              <PrintButton label={tReceipt("printOrder")} />
            </div>
          </div>
          <p className="text-slate-600">
            <span className="mr-2" data-testid="order-status">
              <span className="sr-only">{tState("badgeLabel")}: </span>
              <StatusBadge tone={BADGE_TONE[badge]}>{tState(`badge.${badge}`)}</StatusBadge>
            </span>
            {t("placedAt", { time: time(order.createdAt) })}
          </p>
        </header>
        {verifies && <VerificationStatus verification={verification} orderStatus={order.status} />}
        {order.status === "pending_payment" && verification?.status === "approved" && verification.decidedAt && (
          <p role="status" className="no-print rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-900">
            {tState("approvedNotice", { time: time(verification.decidedAt) })}
          </p>
        )}
        {order.status === "pending_payment" && verification?.status === "pending" && (
          <p className="no-print text-sm text-slate-700">{tState("deadline.opensOnApproval")}</p>
        )}
        {order.status === "pending_payment" && lastPayment?.status === "pending" && (
          <OrderStatusPoller orderId={order.id} status={order.status} />
        )}
        {payable && (
          <div className="no-print space-y-3 rounded-md bg-brand-50 px-4 py-3 text-brand-800">
            <p>{endedAttempt ? t("paymentFailed") : t("nextPayment")}</p>
            {endedAttempt && (
              <p className="font-medium" data-testid="last-attempt">
                {tState(`lastAttempt.${endedAttempt.status === "failed" ? "failed" : "cancelled"}`, { n: payments.length })}
              </p>
            )}
            {deadline && <ExpiryCountdown variant="payment" expiresAt={deadline.toISOString()} now={now.toISOString()} />}
            <PayButton orderId={order.id} />
          </div>
        )}
        {order.status === "pending_payment" && (
          <div className="no-print">
            <CancelOrderButton orderId={order.id} />
          </div>
        )}
        {fulfilledAtZero(order) && (
          <p className="no-print rounded-md bg-emerald-50 px-4 py-3 text-emerald-800" data-testid="zero-total">
            {tState("zeroTotal")}
          </p>
        )}
        {order.status === "fulfilled" && membership && (
          <p className="no-print rounded-md bg-emerald-50 px-4 py-3 text-emerald-800">
            {tMembership("orderNext")}{" "}
            <Link href="/membership" className="font-medium underline">
              {tMembership("orderLink")}
            </Link>
          </p>
        )}
        {order.status === "fulfilled" && !membership && (
          <p className="no-print rounded-md bg-emerald-50 px-4 py-3 text-emerald-800">
            {t("fulfilledNext")}{" "}
            <Link href="/console/services" className="font-medium underline">
              {t("servicesLink")}
            </Link>
          </p>
        )}
        {(order.status === "expired" || order.status === "cancelled") && (
          <p className="no-print rounded-md bg-slate-100 px-4 py-3 text-slate-700">
            {t(order.status === "expired" ? "expiredNext" : "cancelledNext")}{" "}
            <Link
              href={
                membership ? "/membership" : order.kind === "purchase" ? `/buy?${encodeCart(order.cart as CartInput)}` : "/console/services"
              }
              className="font-medium text-brand-700 underline"
            >
              {t("restart")}
            </Link>
          </p>
        )}
        <Section id="order-lines" title={t("lines")}>
          <ul className="mt-2 divide-y divide-slate-100">
            {lines.map((l) => (
              <li key={l.position} className="flex justify-between gap-4 py-2 text-sm">
                <span>
                  <span className="font-medium">{l.name}</span>
                  <span className="block text-xs text-slate-600 tabular-nums">{l.formula}</span>
                </span>
                <span className="tabular-nums">{formatMoney(l.amount)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-semibold">
            <span>{t("total")}</span>
            <span className="tabular-nums" data-testid="order-total">
              {formatMoney(order.total)}
            </span>
          </p>
          <p className="text-xs text-slate-500">{t("catalog", { version: order.catalogVersion })}</p>
        </Section>
        {hasRefundSection(order) && (
          <div className="no-print below-fold">
            <RefundSection db={db} order={order} userId={user.id} now={now} />
          </div>
        )}
        {!membership && (
          <Section id="order-org" title={t("organisation")} className="text-sm">
            <p>
              {org.organisationName} · {org.contactName} · {org.mobile} · {org.email}
            </p>
          </Section>
        )}
        <Section id="order-invoice" title={t("invoice")} className="text-sm">
          <div className="mt-2">
            <InvoiceDetails invoice={order.invoice} testId="order-invoice-details" />
          </div>
        </Section>
        <Section id="order-consents" title={t("consents")} className="below-fold text-sm">
          <ul className="list-disc pl-5">
            {consents.map((c) => (
              <li key={c.agreementId}>
                {t("consent", {
                  title: agreements.find((a) => a.id === c.agreementId)?.title[locale] ?? c.agreementId,
                  version: c.version,
                  time: time(c.acceptedAt),
                })}{" "}
                {/* Exactly the version this order accepted, even after a newer one is in force. */}
                <Link
                  href={`/agreements/${c.agreementId}?version=${encodeURIComponent(c.version)}`}
                  className="no-print text-brand-700 underline"
                >
                  {tCheckout("read")}
                  <span className="sr-only">
                    {" "}
                    {agreements.find((a) => a.id === c.agreementId)?.title[locale] ?? c.agreementId}{" "}
                    {tAgreement("version", { version: c.version })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="order-history" title={t("history")} className="below-fold text-sm">
          <OrderHistory entries={orderTimeline({ events, payments, verification })} />
        </Section>
      </article>
    </ClientMessages>
  );
}
