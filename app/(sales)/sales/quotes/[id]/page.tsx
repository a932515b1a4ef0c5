import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { QuoteLines } from "@/components/quote-lines";
import { Section } from "@/components/ui/section";
import { revokeQuoteAction } from "@/lib/actions/revoke-quote";
import { getCurrentUser, requireRole } from "@/lib/auth/session";
import { catalog as currentCatalog } from "@/lib/catalog";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listOrdersForQuote } from "@/lib/db/queries/quote-orders";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { findUserById } from "@/lib/db/queries/users";
import { messagesFor } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { formatPercent, revisionHistory } from "@/lib/quotes/history";
import { canManageQuote, priceStoredQuote } from "@/lib/quotes/staff-view";
import { displayStatus, isClosed } from "@/lib/quotes/status";
import { QuoteStatusBadge } from "../_components/status-badge";
import { QuoteOrders } from "./_components/quote-orders";
import { RevisionHistory } from "./_components/revision-history";
import { RevokeQuote } from "./_components/revoke-quote";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [t, user] = [await getTranslations("QuoteAdmin"), await getCurrentUser()];
  const found = user ? await getQuoteWithVersions(await getDb(), { quoteId: id }) : undefined;
  // Only the quote's own staff learn its number, even from the title.
  const title =
    user && found && canManageQuote(user, found.quote) ? t("detail.metaTitle", { number: found.quote.number }) : t("list.metaTitle");
  return { title, robots: { index: false } };
}

/** One quote for its salesperson or an operator: terms, price, orders, history, and revoke. */
export default async function QuotePage({ params }: Props) {
  const { id } = await params;
  const user = await requireRole(["sales", "operator"], `/sales/quotes/${id}`);
  const db = await getDb();
  const found = await getQuoteWithVersions(db, { quoteId: id });
  if (!found || !canManageQuote(user, found.quote)) notFound();
  const { quote, versions } = found;
  const now = await requestNow();
  const locale = await getLocale();
  const [priced, seller, approver, orders] = await Promise.all([
    priceStoredQuote(db, quote, locale),
    findUserById(db, { id: quote.createdBy }),
    quote.approvedBy ? findUserById(db, { id: quote.approvedBy }) : undefined,
    listOrdersForQuote(db, { quoteId: quote.id }),
  ]);
  const [t, tHistory, tStatus, format] = [
    await getTranslations("QuoteAdmin"),
    await getTranslations("QuoteAdmin.history"),
    await getTranslations("Quotes.status"),
    await getFormatter(),
  ];
  const status = displayStatus(quote, now);
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const history = revisionHistory(versions, {
    locale,
    // Names only: the price list in force names items well enough when the quote's own is gone.
    catalog: priced?.catalog ?? currentCatalog,
    t: tHistory,
    pricing: messagesFor(locale).Pricing,
    formatDate: (d) => format.dateTime(d, { dateStyle: "medium" }),
  });
  const expiry = format.dateTime(quote.expiresAt, { dateStyle: "medium" });
  const approval =
    approver && quote.approvedAt
      ? t("detail.approvedBy", { name: approver.name, time: time(quote.approvedAt) })
      : status === "pending_approval"
        ? t("detail.waitingApproval")
        : t("detail.noApproval");
  const converted = status === "converted" ? orders[0] : undefined;
  const facts: [string, React.ReactNode][] = [
    [t("detail.customer"), quote.customerName],
    [t("detail.customerEmail"), quote.customerEmail],
    [t("detail.seller"), seller ? `${seller.name} · ${seller.email}` : quote.createdBy],
    [t("detail.note"), quote.note ?? t("noValue")],
    [t("detail.buyerMayEdit"), quote.buyerMayEdit ? t("detail.yes") : t("detail.no")],
    [
      t("detail.expires"),
      <time key="expires" dateTime={quote.expiresAt.toISOString()}>
        {quote.expiresAt <= now ? t("detail.expired", { date: expiry }) : expiry}
      </time>,
    ],
    [t("detail.discount"), t("list.percent", { value: formatPercent(quote.discountPercent) })],
    [t("detail.negotiatedSeatPrice"), quote.negotiatedSeatPrice !== null ? formatMoney(quote.negotiatedSeatPrice) : t("detail.listPrice")],
    [t("detail.version"), t("list.version", { version: quote.currentVersion })],
    [t("detail.approval"), approval],
  ];
  const link = "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-slate-50";
  return (
    <ClientMessages namespaces={["QuoteAdmin"]}>
      <article className="mx-auto max-w-4xl space-y-6">
        <header className="space-y-2">
          <Link href="/sales/quotes" className="no-print text-sm text-brand-700 underline-offset-4 hover:underline">
            {t("detail.back")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold">{t("detail.title", { number: quote.number })}</h1>
            <QuoteStatusBadge status={status} label={tStatus(status)} />
          </div>
          {converted && (
            <p className="rounded-md bg-emerald-50 px-4 py-3 text-emerald-900">{t("detail.convertedInto", { number: converted.number })}</p>
          )}
        </header>

        <section aria-label={t("detail.actions")} className="no-print flex flex-wrap items-start gap-3">
          {!isClosed(status) && (
            <Link href={`/sales/quotes/${quote.id}/revise`} className={link}>
              {t("detail.revise")}
            </Link>
          )}
          <a href={`/sales/quotes/${quote.id}/pdf`} className={link}>
            {t("detail.pdf")}
          </a>
          <PrintButton label={t("detail.print")} />
          <RevokeQuote number={quote.number} revocable={!isClosed(status)} revoke={revokeQuoteAction.bind(null, { quoteId: quote.id })} />
        </section>

        <Section id="quote-details" title={t("detail.details")}>
          <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="whitespace-pre-line break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Section>

        <Section id="quote-price" title={t("detail.price")}>
          {priced ? (
            <div className="mt-3 space-y-3">
              {priced.result.errors.length > 0 && (
                <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
                  <p>{t("detail.cartProblems")}</p>
                  <ul className="list-disc pl-5">
                    {priced.result.errors.map((e) => (
                      <li key={`${e.code}-${e.path}`}>{e.message}</li>
                    ))}
                  </ul>
                </div>
              )}
              <QuoteLines result={priced.result} caption={t("detail.priceCaption", { number: quote.number })} />
              <p className="text-xs text-slate-500">{t("detail.catalog", { version: quote.catalogVersion })}</p>
            </div>
          ) : (
            <p className="mt-3 text-sm text-slate-700">{t("detail.catalogGone", { version: quote.catalogVersion })}</p>
          )}
        </Section>

        {orders.length > 0 && <QuoteOrders orders={orders} number={quote.number} />}

        <RevisionHistory entries={history} currentVersion={quote.currentVersion} />
      </article>
    </ClientMessages>
  );
}
