import { ClientMessages } from "@/components/client-messages";
import { getTranslations } from "next-intl/server";
import { agreementVersions } from "@/lib/agreements";
import { getCurrentUser } from "@/lib/auth/session";
import { decodeCart } from "@/lib/cart/url";
import { getDb } from "@/lib/db/client";
import { organisationChoices } from "@/lib/orders/organisation-choices";
import { BuyWizard } from "@/components/checkout/buy-wizard";
import { PageHeader } from "@/components/ui/page-header";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BuyPage({ searchParams }: { searchParams: SearchParams }) {
  const decoded = decodeCart(await searchParams);
  const [t, user] = [await getTranslations("Buy"), await getCurrentUser()];
  const organisations = user && (await organisationChoices(await getDb(), { userId: user.id }));
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
        <PageHeader title={t("title")} intro={t("intro")} />
        <BuyWizard
          key={JSON.stringify(decoded.cart)}
          initial={decoded}
          buyer={user && organisations ? { email: user.email, ...organisations } : null}
          agreements={agreementVersions()}
        />
      </div>
    </ClientMessages>
  );
}
