import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { QuoteLines } from "@/components/quote-lines";
import { getCurrentUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { markOpened } from "@/lib/quotes/lifecycle";
import { findUserById } from "@/lib/db/queries/users";
import { messagesFor } from "@/lib/i18n/messages";
import { openQuote, priceOpenQuote } from "@/lib/quotes/open";
import { ExpiryCountdown } from "@/components/expiry-countdown";
import { QuoteUnavailable } from "./_components/quote-unavailable";
import { buttonVariants } from "@/components/ui/button";

type Params = Promise<{ token: string }>;

// The token is the key to the quote: keep it out of search engines and other sites' Referer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The buyer's view of a quote: what it contains, what it costs, until when; then accept, print or download. */
export default async function QuotePage({ params }: { params: Params }) {
  const { token } = await params;
  const [db, now, locale] = [await getDb(), await requestNow(), await getLocale()];
  const open = await openQuote(db, { token, now });
  if (!open.ok) return <QuoteUnavailable reason={open.reason} />;
  const { quote } = open;
  const [t, format, viewer, seller] = [
    await getTranslations("Quotes.view"),
    await getFormatter(),
    await getCurrentUser(),
    await findUserById(db, { id: quote.createdBy }),
  ];
  // Staff previewing a link do not count as the customer opening it.
  if (quote.status === "sent" && (!viewer || viewer.role === "buyer")) await markOpened(db, { quoteId: quote.id, now });
  const result = priceOpenQuote(open, { locale, messages: messagesFor(locale).Pricing });
  return (
    <ClientMessages namespaces={["OrderStates.deadline", "Quotes.view"]}>
      <article className="mx-auto max-w-3xl space-y-6" aria-labelledby="quote-title">
        <header className="space-y-2">
          <p className="text-sm text-slate-600">{t("from", { seller: seller?.name ?? "" })}</p>
          <h1 id="quote-title" className="text-3xl font-bold tracking-tight">
            {t("title", { number: quote.number })}
          </h1>
          <ExpiryCountdown expiresAt={quote.expiresAt.toISOString()} now={now.toISOString()} />
        </header>
        <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium">{t("customer")}</dt>
            <dd>
              {quote.customerName} · {quote.customerEmail}
            </dd>
          </div>
          <div>
            <dt className="font-medium">{t("seller")}</dt>
            <dd>{seller ? `${seller.name} · ${seller.email}` : "—"}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("issued")}</dt>
            <dd>{format.dateTime(open.version.createdAt, { dateStyle: "long", timeStyle: "short" })}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("editable")}</dt>
            <dd>{quote.buyerMayEdit ? t("editableYes") : t("editableNo")}</dd>
          </div>
          {quote.note && (
            <div className="sm:col-span-2">
              <dt className="font-medium">{t("note")}</dt>
              <dd className="whitespace-pre-line">{quote.note}</dd>
            </div>
          )}
        </dl>
        <section aria-labelledby="quote-lines" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="quote-lines" className="mb-2 text-lg font-semibold">
            {t("lines")}
          </h2>
          <QuoteLines result={result} caption={t("lines")} />
          <p className="mt-2 text-xs text-slate-500">{t("catalog", { version: quote.catalogVersion })}</p>
        </section>
        {!result.ok && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("problem")}
          </p>
        )}
        <div className="no-print flex flex-wrap items-center gap-3">
          {result.ok && (
            <Link href={`/q/${token}/checkout`} className={buttonVariants({ size: "lg" })}>
              {t("accept")}
            </Link>
          )}
          <PrintButton label={t("print")} />
          <a href={`/q/${token}/pdf`} download className={buttonVariants({ variant: "secondary", className: "text-sm" })}>
            {t("pdf")}
          </a>
        </div>
      </article>
    </ClientMessages>
  );
}
