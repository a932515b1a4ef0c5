import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import { contentWidth, createPdf, drawAmounts, drawRow, ensureSpace, GREY, INK, left, MARGIN, type Doc } from "@/lib/pdf/document";
import type { Receipt } from "./receipt";
import { receiptTime } from "./time";

type Labels = ReturnType<typeof messagesFor>["Receipt"];
type InvoiceLabels = ReturnType<typeof messagesFor>["Invoice"];

/** The receipt of a paid order as an A4 PDF in the CJK font (PdfFontMissingError when none is installed). */
export async function renderReceiptPdf(receipt: Receipt): Promise<Buffer> {
  const messages = messagesFor(receipt.locale);
  const labels = messages.Receipt;
  const t = translatorFor(receipt.locale);
  const { doc, finish } = createPdf({
    locale: receipt.locale,
    title: t("Receipt.documentTitle", { number: receipt.number }),
    footer: t("Receipt.footer", { seller: receipt.seller.name, taxId: receipt.seller.taxId }),
  });
  drawHeader(doc, receipt, labels);
  drawAmounts(
    doc,
    { item: labels.item, amount: labels.amount, subtotal: labels.subtotal, total: labels.total },
    {
      lines: receipt.lines.map((l) => ({ name: l.name, detail: l.formula, amount: l.amount })),
      subtotal: receipt.subtotal,
      adjustments: receipt.adjustments.map((a) => ({ name: a.name, detail: a.formula, amount: a.amount })),
      total: receipt.total,
    },
  );
  if (receipt.refund) {
    const refund = messages.Refunds.receipt;
    drawRow(doc, {
      name: t("Refunds.receipt.refunded", { date: receiptTime(receipt.locale, receipt.refund.at), number: receipt.refund.creditNote }),
      detail: "",
      amount: `−${receipt.refund.amount}`,
    });
    drawRow(doc, { name: refund.net, detail: "", amount: receipt.refund.net }, true);
  }
  drawInvoice(doc, receipt, messages.Invoice);
  ensureSpace(doc, 40);
  doc.moveDown(1);
  doc
    .fillColor(GREY)
    .fontSize(9)
    .text(labels.taxNote, left(doc), doc.y, { width: contentWidth(doc) });
  return finish();
}

function drawHeader(doc: Doc, receipt: Receipt, labels: Labels): void {
  doc.fillColor(INK).fontSize(20).text(labels.title, left(doc), MARGIN);
  doc.fillColor(GREY).fontSize(10).text(`${labels.orderNumber}: ${receipt.number}`);
  doc.moveDown(1.2);

  const top = doc.y;
  const half = (contentWidth(doc) - 24) / 2;
  const party = (x: number, label: string, rows: string[]) => {
    doc.fillColor(GREY).fontSize(9).text(label, x, top, { width: half });
    const [first, ...rest] = rows;
    doc
      .fillColor(INK)
      .fontSize(11)
      .text(first ?? "", { width: half });
    for (const row of rest) doc.fillColor(GREY).fontSize(9.5).text(row, { width: half });
    return doc.y;
  };
  const { seller, buyer } = receipt;
  const end = Math.max(
    party(left(doc), labels.seller, [
      seller.name,
      `${labels.sellerTaxId}: ${seller.taxId}`,
      seller.address,
      `${seller.phone} · ${seller.email}`,
    ]),
    party(left(doc) + half + 24, labels.buyer, [buyer.organisationName, `${buyer.contactName} · ${buyer.mobile}`, buyer.email]),
  );

  const method = (labels.methods as Record<string, string>)[receipt.method] ?? receipt.method;
  const facts: [string, string][] = [
    [labels.placedAt, receiptTime(receipt.locale, receipt.placedAt)],
    [labels.paidAt, receipt.paidAt ? receiptTime(receipt.locale, receipt.paidAt) : "—"],
    [labels.method, method],
    [labels.providerRef, receipt.providerRef ?? "—"],
  ];
  doc.y = end + 12;
  for (const [label, value] of facts)
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(`${label}: ${value}`, left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(1.2);
}

function drawInvoice(doc: Doc, { invoice }: Receipt, labels: InvoiceLabels): void {
  ensureSpace(doc, 80);
  doc.moveDown(1);
  doc
    .fillColor(GREY)
    .fontSize(9)
    .text(labels.title, left(doc), doc.y, { width: contentWidth(doc) });
  if (!invoice) {
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(labels.none, { width: contentWidth(doc) });
    return;
  }
  const rows = [
    `${labels.types[invoice.type]} · ${labels.status}: ${labels.statuses[invoice.status]}`,
    `${labels.invoiceTitle}: ${invoice.title}`,
    ...(invoice.uscc ? [`${labels.uscc}: ${invoice.uscc}`] : []),
    ...(invoice.type === "special"
      ? [
          `${labels.bankName}: ${invoice.bankName}`,
          `${labels.bankAccount}: ${invoice.bankAccount}`,
          `${labels.registeredAddress}: ${invoice.registeredAddress}`,
          `${labels.registeredPhone}: ${invoice.registeredPhone}`,
        ]
      : []),
  ];
  for (const row of rows)
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(row, { width: contentWidth(doc) });
}
