import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
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

/** The sandbox gateway's hosted payment page: pay, simulate a failure, or cancel. */
export default async function SandboxPaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  sandboxGatewayOr404();
  const { paymentId } = await params;
  const payment = await getSandboxPayment(await getDb(), { paymentRef: paymentId });
  if (!payment) notFound();
  const t = await getTranslations("Payments.sandbox");
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
          <form action={decideSandboxPayment}>
            <input type="hidden" name="paymentRef" value={payment.paymentRef} />
            <OutcomeButtons />
          </form>
        ) : (
          <div className="space-y-3">
            <p role="status">{t("ended", { status: t(`status.${payment.status}`) })}</p>
            <Link href={payment.returnUrl} className="font-medium text-brand-700 underline">
              {t("back")}
            </Link>
          </div>
        )}
      </article>
    </ClientMessages>
  );
}
