import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { buttonVariants } from "@/components/ui/button";
import { ReceiptView } from "@/components/receipt-view";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadReceipt } from "@/lib/receipts/load";

/** /orders/<id>/receipt: the print view of a paid order's receipt, for its buyer; the PDF is one link away. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/orders/${id}/receipt`);
  const locale = await getLocale();
  const lookup = await loadReceipt(await getDb(), { orderId: id, userId: user.id, locale });
  if (!lookup.found && lookup.reason === "not-found") notFound();
  const [t, tOrder] = [await getTranslations("Receipt"), await getTranslations("Order")];
  if (!lookup.found) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-amber-900">
          {t("notPaid", { status: tOrder(`status.${lookup.status}`) })}
        </p>
        <Link href={`/orders/${id}`} className="text-brand-700 underline">
          {t("backToOrder")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="no-print flex flex-wrap items-center justify-end gap-3">
        <a href={`/orders/${id}/receipt/pdf`} download className={buttonVariants({ className: "text-sm" })}>
          {t("download")}
        </a>
        <PrintButton label={t("print")} />
      </div>
      <ReceiptView receipt={lookup.receipt} />
    </div>
  );
}
