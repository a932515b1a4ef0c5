import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { agreementVersions } from "@/lib/agreements";
import { catalog } from "@/lib/catalog";
import { getCurrentUser } from "@/lib/auth/session";
import { decodeCart } from "@/lib/cart/url";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { organisationChoices } from "@/lib/orders/organisation-choices";
import { openQuote, openQuoteTerms, quotedCart } from "@/lib/quotes/open";
import { QuoteCheckout } from "../_components/quote-checkout";
import { QuoteUnavailable } from "../_components/quote-unavailable";
import { PageHeader } from "@/components/ui/page-header";

type Params = Promise<{ token: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Accepting a quote: the store's checkout on the quote's terms; the cart is the quoted one unless the quote is editable. */
export default async function QuoteCheckoutPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { token } = await params;
  const db = await getDb();
  const open = await openQuote(db, { token, now: await requestNow() });
  if (!open.ok) return <QuoteUnavailable reason={open.reason} />;
  const { quote } = open;
  const query = await searchParams;
  // Only an editable quote takes a cart from the URL; a locked one always checks out as quoted.
  const initial = quote.buyerMayEdit && typeof query.edition === "string" ? decodeCart(query) : { cart: quotedCart(open), errors: [] };
  if (quote.buyerMayEdit) initial.cart = { ...initial.cart, edition: quotedCart(open).edition };
  const [t, user] = [await getTranslations("Quotes.checkout"), await getCurrentUser()];
  const organisations = user && (await organisationChoices(db, { userId: user.id }));
  return (
    <ClientMessages
      namespaces={[
        "Buy",
        "Checkout",
        "Invoice",
        "OrderStates.voucher",
        "OrgDetails.errors",
        "Pricing",
        "Summary",
        "Verification.errors",
        "Wizard",
      ]}
    >
      <div className="space-y-6">
        <PageHeader title={t("title", { number: quote.number })} intro={quote.buyerMayEdit ? t("introEditable") : t("introLocked")} />
        <QuoteCheckout
          key={JSON.stringify(initial.cart)}
          token={token}
          initial={initial}
          buyer={user && organisations ? { email: user.email, ...organisations } : null}
          terms={openQuoteTerms(open)}
          editable={quote.buyerMayEdit}
          agreements={agreementVersions()}
          catalog={open.catalog.version === catalog.version ? undefined : open.catalog}
        />
      </div>
    </ClientMessages>
  );
}
