import { useTranslations } from "next-intl";
import type { Receipt } from "@/lib/receipts/receipt";
import { receiptTime } from "@/lib/receipts/time";
import { InvoiceDetails } from "./invoice-details";

const KNOWN_METHODS = ["sandbox", "none"] as const;
const isKnownMethod = (m: string): m is (typeof KNOWN_METHODS)[number] => (KNOWN_METHODS as readonly string[]).includes(m);

/** A refunded order's receipt: the refund (with its credit note's number) and what the buyer paid net of it. */
function ReceiptRefundRows({ refund, locale }: { refund: NonNullable<Receipt["refund"]>; locale: Receipt["locale"] }) {
  const t = useTranslations("Refunds.receipt");
  return (
    <>
      <tr>
        <th scope="row" className="py-1 text-left font-normal">
          {t("refunded", { date: receiptTime(locale, refund.at), number: refund.creditNote })}
        </th>
        <td className="py-1 text-right tabular-nums" data-testid="receipt-refund">
          −{refund.amount}
        </td>
      </tr>
      <tr className="font-semibold">
        <th scope="row" className="py-1 text-left">
          {t("net")}
        </th>
        <td className="py-1 text-right tabular-nums">{refund.net}</td>
      </tr>
    </>
  );
}

/** The receipt of a paid order as a printable page: the same facts as its PDF (lib/receipts/pdf.ts). */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const t = useTranslations("Receipt");
  const tInvoice = useTranslations("Invoice");
  const time = (d: Date | undefined) => (d ? receiptTime(receipt.locale, d) : "—");
  const { seller, buyer } = receipt;
  const facts: [string, string, string][] = [
    ["receipt-number", t("orderNumber"), receipt.number],
    ["receipt-placed", t("placedAt"), time(receipt.placedAt)],
    ["receipt-paid", t("paidAt"), time(receipt.paidAt)],
    ["receipt-method", t("method"), isKnownMethod(receipt.method) ? t(`methods.${receipt.method}`) : receipt.method],
    ["receipt-ref", t("providerRef"), receipt.providerRef ?? "—"],
  ];
  return (
    <article className="space-y-6 rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="receipt-title">
      <h1 id="receipt-title" className="text-2xl font-bold">
        {t("documentTitle", { number: receipt.number })}
      </h1>
      <div className="grid gap-4 text-sm sm:grid-cols-2">
        <section aria-labelledby="receipt-seller">
          <h2 id="receipt-seller" className="text-xs font-medium uppercase text-slate-500">
            {t("seller")}
          </h2>
          <p className="font-medium">{seller.name}</p>
          <p>
            {t("sellerTaxId")}: <span className="tabular-nums">{seller.taxId}</span>
          </p>
          <p className="text-slate-600">{seller.address}</p>
          <p className="text-slate-600">
            {seller.phone} · {seller.email}
          </p>
        </section>
        <section aria-labelledby="receipt-buyer">
          <h2 id="receipt-buyer" className="text-xs font-medium uppercase text-slate-500">
            {t("buyer")}
          </h2>
          <p className="font-medium">{buyer.organisationName}</p>
          <p>
            {buyer.contactName} · {buyer.mobile}
          </p>
          <p className="text-slate-600">{buyer.email}</p>
        </section>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd data-testid={id} className="whitespace-nowrap tabular-nums">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-1">
              {t("item")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={`${l.name}-${l.formula}`} className="border-b border-slate-100 align-top">
              <td className="py-2">
                <span className="font-medium">{l.name}</span>
                <span className="block text-xs text-slate-600 tabular-nums">{l.formula}</span>
              </td>
              <td className="py-2 text-right tabular-nums">{l.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 text-left font-normal">
              {t("subtotal")}
            </th>
            <td className="py-2 text-right tabular-nums">{receipt.subtotal}</td>
          </tr>
          {receipt.adjustments.map((a) => (
            <tr key={`${a.name}-${a.formula}`}>
              <th scope="row" className="py-1 text-left font-normal">
                {a.name}
                <span className="block text-xs text-slate-600 tabular-nums">{a.formula}</span>
              </th>
              <td className="py-1 text-right tabular-nums">{a.amount}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 text-lg font-semibold">
            <th scope="row" className="py-2 text-left">
              {t("total")}
            </th>
            <td className="py-2 text-right tabular-nums" data-testid="receipt-total">
              {receipt.total}
            </td>
          </tr>
          {receipt.refund && <ReceiptRefundRows refund={receipt.refund} locale={receipt.locale} />}
        </tfoot>
      </table>
      <section aria-labelledby="receipt-invoice" className="text-sm">
        <h2 id="receipt-invoice" className="text-xs font-medium uppercase text-slate-500">
          {tInvoice("title")}
        </h2>
        <InvoiceDetails invoice={receipt.invoice} testId="receipt-invoice-details" />
      </section>
      <p className="text-xs text-slate-600">{t("taxNote")}</p>
    </article>
  );
}
