import { ClientMessages } from "@/components/client-messages";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { decodeCart } from "@/lib/cart/url";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { findUserById } from "@/lib/db/queries/users";
import { chinaDatePlusDays, DEFAULT_QUOTE_DAYS } from "@/lib/validations/quote";
import { QuoteBuilder } from "../../../_builder/quote-builder";
import { PageHeader } from "@/components/ui/page-header";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  return { title: (await getTranslations("Quotes.builder"))("newTitle") };
}

/** A new quote: the cart from the link (or the store's default), the terms at their defaults. */
export default async function NewQuotePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(["sales", "operator"], "/sales/quotes/new");
  const [t, row, now] = [await getTranslations("Quotes.builder"), await findUserById(await getDb(), { id: user.id }), await requestNow()];
  const defaults = {
    customerName: "",
    customerEmail: "",
    note: "",
    discountPercent: "0",
    negotiatedSeatPrice: "",
    expiresOn: chinaDatePlusDays(now, DEFAULT_QUOTE_DAYS),
    buyerMayEdit: false,
  };
  return (
    <ClientMessages namespaces={["Buy", "Pricing", "Quotes.builder", "Quotes.errors", "Summary"]}>
      <div className="space-y-6">
        <PageHeader title={t("newTitle")} intro={t("intro")} />
        <QuoteBuilder initial={decodeCart(await searchParams)} defaults={defaults} limitPercent={row?.discountLimitPercent ?? 0} />
      </div>
    </ClientMessages>
  );
}
