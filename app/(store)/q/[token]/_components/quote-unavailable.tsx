import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OpenQuoteResult } from "@/lib/quotes/open";

type Reason = Extract<OpenQuoteResult, { ok: false }>["reason"];

// A forged or altered link is told apart from nothing: both read as "not a valid link".
const KEY = {
  MALFORMED: "invalid",
  UNKNOWN: "invalid",
  CATALOG_GONE: "expired",
  SUPERSEDED: "superseded",
  EXPIRED: "expired",
  REVOKED: "revoked",
  PENDING_APPROVAL: "pending_approval",
  CONVERTED: "converted",
} as const satisfies Record<Reason, string>;

/** Why a quote link does not open, in words, and what to do; never a price. */
export function QuoteUnavailable({ reason }: { reason: Reason }) {
  const t = useTranslations("Quotes.unavailable");
  const key = KEY[reason];
  return (
    <section aria-labelledby="quote-unavailable" className="mx-auto max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-6">
      <h1 id="quote-unavailable" className="text-2xl font-bold">
        {t(`${key}.title`)}
      </h1>
      <p className="text-slate-700">{t(`${key}.body`)}</p>
      {reason === "CONVERTED" ? (
        <Link href="/console/orders" className="inline-block font-medium text-brand-700 underline">
          {t("orders")}
        </Link>
      ) : (
        <Link href="/pricing" className="inline-block font-medium text-brand-700 underline">
          {t("pricing")}
        </Link>
      )}
    </section>
  );
}
