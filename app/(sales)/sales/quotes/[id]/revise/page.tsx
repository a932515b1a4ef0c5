import { ClientMessages } from "@/components/client-messages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { findUserById } from "@/lib/db/queries/users";
import type { CartInput } from "@/lib/pricing/types";
import { canManageQuote } from "@/lib/quotes/staff-view";
import { chinaDatePlusDays, DEFAULT_QUOTE_DAYS } from "@/lib/validations/quote";
import { QuoteBuilder } from "../../../../_builder/quote-builder";
import { PageHeader } from "@/components/ui/page-header";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  return { title: (await getTranslations("Quotes.builder"))("reviseTitle") };
}

/** A new version of a quote, starting from its current terms; issuing it retires the old link. */
export default async function ReviseQuotePage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requireRole(["sales", "operator"], `/sales/quotes/${id}/revise`);
  const db = await getDb();
  const [found, row, now, t] = [
    await getQuoteWithVersions(db, { quoteId: id }),
    await findUserById(db, { id: user.id }),
    await requestNow(),
    await getTranslations("Quotes.builder"),
  ];
  if (!found || !canManageQuote(user, found.quote)) notFound();
  const { quote } = found;
  const closed = quote.status === "converted" || quote.status === "revoked" ? quote.status : null;
  // A quote past its expiry is revised with a fresh 30 days; otherwise its own expiry stays.
  const expiresOn = quote.expiresAt > now ? chinaDatePlusDays(quote.expiresAt, 0) : chinaDatePlusDays(now, DEFAULT_QUOTE_DAYS);
  const defaults = {
    customerName: quote.customerName,
    customerEmail: quote.customerEmail,
    note: quote.note ?? "",
    discountPercent: stripZeros(quote.discountPercent),
    negotiatedSeatPrice: quote.negotiatedSeatPrice ?? "",
    expiresOn,
    buyerMayEdit: quote.buyerMayEdit,
  };
  return (
    <ClientMessages namespaces={["Buy", "Pricing", "Quotes.builder", "Quotes.errors", "Summary"]}>
      <div className="space-y-6">
        <PageHeader
          title={t("reviseHeading", { number: quote.number, version: quote.currentVersion + 1 })}
          intro={closed ? t(`closed.${closed}`) : t("reviseIntro")}
        />
        {!closed && (
          <QuoteBuilder
            initial={{ cart: quote.cart as CartInput, errors: [] }}
            defaults={defaults}
            limitPercent={row?.discountLimitPercent ?? 0}
            revising={{ id: quote.id, number: quote.number }}
          />
        )}
      </div>
    </ClientMessages>
  );
}

/** "10.00" → "10", "12.50" → "12.5": how a rep would type it. */
function stripZeros(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}
