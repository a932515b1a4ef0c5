import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { getSandboxPayment } from "@/lib/db/queries/payments";
import { formatMoney } from "@/lib/money";
import { OutcomeButtons } from "./_components/outcome-buttons";
import { decideSandboxPayment } from "@/lib/actions/decide-sandbox-payment";
import { sandboxGatewayOr404 } from "@/lib/payments/sandbox/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Payments.sandbox");
  return { title: t("metaTitle") };
}

/**
 * The sandbox gateway's hosted payment page: pay, simulate a failure, or cancel. A payment started with
 * an agreement (lib/payments/agreements.ts) also asks the payer to authorise future charges: paying needs
 * the consent ticked, and then creates the agreement.
 */
export default async function SandboxPaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ consent?: string | string[] }>;
}) {
  sandboxGatewayOr404();
  const { paymentId } = await params;
  const consentMissing = (await searchParams).consent === "required";
  const payment = await getSandboxPayment(await getDb(), { paymentRef: paymentId });
  if (!payment) notFound();
  const t = await getTranslations("Payments.sandbox");
  const ta = await getTranslations("PlatformAgreements.consent");
  const asksAgreement = payment.agreementPurpose !== null;
  return (
    <ClientMessages namespaces={["Payments.sandbox"]}>
      <article className="mx-auto max-w-lg space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <header>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("notice")}</p>
        </header>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-600">{t("orderNumber")}</dt>
          <dd className="font-medium" data-testid="sandbox-order-number">
            {payment.orderNumber}
          </dd>
          <dt className="text-slate-600">{t("amount")}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="sandbox-amount">
            {formatMoney(payment.amount)}
          </dd>
        </dl>
        {payment.status === "pending" ? (
          <form action={decideSandboxPayment} className="space-y-4">
            <input type="hidden" name="paymentRef" value={payment.paymentRef} />
            {asksAgreement && (
              <fieldset className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" aria-describedby="agreement-consent-text">
                <legend className="px-1 font-semibold">{ta("title")}</legend>
                <p id="agreement-consent-text" className="text-sm">
                  {ta("text", { description: payment.agreementDescription ?? "" })}
                </p>
                <label className="flex items-start gap-2 font-medium">
                  <input type="checkbox" name="consent" required className="mt-1 h-4 w-4" aria-invalid={consentMissing || undefined} />
                  <span>{ta("checkbox")}</span>
                </label>
                {consentMissing && (
                  <p role="alert" className="text-sm font-medium text-red-800">
                    {ta("required")}
                  </p>
                )}
              </fieldset>
            )}
            <OutcomeButtons skipValidation={asksAgreement} />
          </form>
        ) : (
          <div className="space-y-3">
            <p role="status">{t("ended", { status: t(`status.${payment.status}`) })}</p>
            {payment.agreementRef && (
              <p>
                {ta("created", { ref: payment.agreementRef })}{" "}
                <Link href={`/pay/sandbox/agreements/${payment.agreementRef}`} className="text-brand-700 underline">
                  {ta("view")}
                </Link>
              </p>
            )}
            <Link href={payment.returnUrl} className="font-medium text-brand-700 underline">
              {t("back")}
            </Link>
          </div>
        )}
      </article>
    </ClientMessages>
  );
}
