import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** From a service item's row (/console/services) to its order's refund section. */
export async function RefundLink({ orderId, item }: { orderId: string; item: string }) {
  const t = await getTranslations("Refunds");
  return (
    <Link
      href={`/orders/${orderId}#order-refund`}
      className="ml-2 text-xs font-normal text-brand-700 underline"
      aria-label={t("servicesLinkLabel", { item })}
    >
      {t("servicesLink")}
    </Link>
  );
}
