// The credit note (红字凭证) of an order's completed refund, as an A4 PDF through lib/pdf, as the receipt.
import { catalog } from "@/lib/catalog";
import type { Locale } from "@/lib/catalog/ids";
import type { OrderRefundRow } from "@/lib/db/schema";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import {
  contentWidth,
  createPdf,
  drawTableHeader,
  drawRow,
  ensureSpace,
  GREY,
  INK,
  left,
  MARGIN,
  rowHeight,
  rule,
} from "@/lib/pdf/document";
import { nameOf } from "@/lib/pricing/messages";
import type { Receipt } from "@/lib/receipts/receipt";
import { receiptTime } from "@/lib/receipts/time";
import type { LineRefund } from "./rule";

export interface CreditNote {
  locale: Locale;
  number: string;
  orderNumber: string;
  seller: Receipt["seller"];
  buyer: Receipt["buyer"];
  issuedAt: Date;
  reason: string;
  paymentRef: string | null;
  refundRef: string | null;
  stopAt: Date | null;
  lines: { name: string; detail: string; amount: string }[];
  total: string;
}

/** The credit note of a refunded order, from its receipt and its completed refund; undefined before the refund completed. */
export function creditNoteOf(receipt: Receipt, refund: OrderRefundRow): CreditNote | undefined {
  if (refund.status !== "succeeded" || !refund.completedAt || !receipt.refund) return undefined;
  const m = messagesFor(receipt.locale).Refunds;
  const t = translatorFor(receipt.locale);
  const breakdown = (refund.breakdown as LineRefund[]).filter((l) => l.refund !== "0.00");
  const lines =
    refund.kind === "goodwill" || breakdown.length === 0
      ? [{ name: m.creditNote.goodwill, detail: refund.reason, amount: `−${formatMoney(refund.amount)}` }]
      : breakdown.map((l) => ({
          name: nameOf(catalog, l.sku, receipt.locale),
          detail: t("Refunds.formula", {
            paid: formatMoney(l.paid),
            used: l.usedDays,
            total: l.totalDays,
            refund: formatMoney(l.refund),
          }),
          amount: `−${formatMoney(l.refund)}`,
        }));
  const reasons = m.form.reasons as Record<string, string>;
  return {
    locale: receipt.locale,
    number: receipt.refund.creditNote,
    orderNumber: receipt.number,
    seller: receipt.seller,
    buyer: receipt.buyer,
    issuedAt: refund.completedAt,
    reason: [reasons[refund.reason] ?? refund.reason, refund.note].filter(Boolean).join(" · "),
    paymentRef: refund.paymentRef,
    refundRef: refund.refundRef,
    stopAt: refund.stopAt,
    lines,
    total: `−${formatMoney(refund.amount)}`,
  };
}

/** The credit note as an A4 PDF in the CJK font (PdfFontMissingError when none is installed). */
export async function renderCreditNotePdf(note: CreditNote): Promise<Buffer> {
  const messages = messagesFor(note.locale);
  const labels = messages.Refunds.creditNote;
  const t = translatorFor(note.locale);
  const { doc, finish } = createPdf({
    locale: note.locale,
    title: t("Refunds.creditNote.documentTitle", { number: note.number }),
    footer: t("Receipt.footer", { seller: note.seller.name, taxId: note.seller.taxId }),
  });
  doc.fillColor(INK).fontSize(20).text(labels.title, left(doc), MARGIN);
  doc.fillColor(GREY).fontSize(10).text(`${labels.number}: ${note.number}`);
  doc.moveDown(1);
  const facts: [string, string][] = [
    [messages.Receipt.seller, `${note.seller.name} · ${messages.Receipt.sellerTaxId} ${note.seller.taxId}`],
    [messages.Receipt.buyer, `${note.buyer.organisationName} · ${note.buyer.contactName}`],
    [labels.orderNumber, note.orderNumber],
    [labels.issuedAt, receiptTime(note.locale, note.issuedAt)],
    [labels.reason, note.reason],
    [labels.paymentRef, note.paymentRef ?? "—"],
    [labels.refundRef, note.refundRef ?? "—"],
    ...(note.stopAt ? [[labels.stopAt, receiptTime(note.locale, note.stopAt)] as [string, string]] : []),
  ];
  for (const [label, value] of facts)
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(`${label}: ${value}`, left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(1);
  const heading = { item: labels.item, amount: labels.amount };
  drawTableHeader(doc, heading);
  for (const line of note.lines) {
    if (ensureSpace(doc, rowHeight(doc, line))) drawTableHeader(doc, heading);
    drawRow(doc, line);
  }
  ensureSpace(doc, 40);
  rule(doc, 2);
  drawRow(doc, { name: labels.total, detail: "", amount: note.total }, true);
  ensureSpace(doc, 40);
  doc.moveDown(1);
  doc
    .fillColor(GREY)
    .fontSize(9)
    .text(labels.note, left(doc), doc.y, { width: contentWidth(doc) });
  return finish();
}
