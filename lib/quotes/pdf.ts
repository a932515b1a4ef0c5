import {
  contentWidth,
  createPdf,
  drawAmounts,
  ensureSpace,
  findPdfFont,
  GREY,
  INK,
  left,
  MARGIN,
  PdfFontMissingError,
  type Doc,
  type PdfFont,
} from "@/lib/pdf/document";

export interface QuotePdfInput {
  locale: "zh-CN" | "en";
  /** Every visible label, already translated by the caller. */
  labels: {
    title: string;
    number: string;
    customer: string;
    seller: string;
    issued: string;
    expires: string;
    item: string;
    detail: string;
    amount: string;
    subtotal: string;
    total: string;
    note: string;
    footer: string;
  };
  number: string;
  customer: { name: string; email: string };
  seller: { name: string; email: string };
  issuedAt: string;
  expiresAt: string;
  lines: { name: string; detail: string; amount: string }[];
  subtotal: string;
  adjustments: { label: string; detail: string; amount: string }[];
  total: string;
  note: string | null;
}

// The font lookup and its error are shared with every PDF (lib/pdf/document.ts); the quote names stay for their callers.
export const QuotePdfFontMissingError = PdfFontMissingError;
export type QuotePdfFont = PdfFont;
export const findQuotePdfFont = findPdfFont;

/** A one-or-more-page A4 PDF of the quote. */
export async function renderQuotePdf(input: QuotePdfInput): Promise<Buffer> {
  const { doc, finish } = createPdf({ locale: input.locale, title: `${input.labels.title} ${input.number}`, footer: input.labels.footer });
  drawHeader(doc, input);
  drawAmounts(doc, input.labels, {
    lines: input.lines,
    subtotal: input.subtotal,
    adjustments: input.adjustments.map((a) => ({ name: a.label, detail: a.detail, amount: a.amount })),
    total: input.total,
  });
  drawNote(doc, input);
  return finish();
}

function drawHeader(doc: Doc, { labels, number, customer, seller, issuedAt, expiresAt }: QuotePdfInput): void {
  doc.fillColor(INK).fontSize(20).text(labels.title, left(doc), MARGIN);
  doc.fillColor(GREY).fontSize(10).text(`${labels.number}: ${number}`);
  doc.moveDown(1.2);

  const top = doc.y;
  const half = (contentWidth(doc) - 24) / 2;
  const party = (x: number, label: string, who: { name: string; email: string }) => {
    doc.fillColor(GREY).fontSize(9).text(label, x, top, { width: half });
    doc.fillColor(INK).fontSize(11).text(who.name, { width: half });
    doc.fillColor(GREY).fontSize(10).text(who.email, { width: half });
    return doc.y;
  };
  const end = Math.max(party(left(doc), labels.customer, customer), party(left(doc) + half + 24, labels.seller, seller));

  doc
    .fillColor(INK)
    .fontSize(10)
    .text(`${labels.issued}: ${issuedAt}    ${labels.expires}: ${expiresAt}`, left(doc), end + 12);
  doc.moveDown(1.2);
}

function drawNote(doc: Doc, { labels, note }: QuotePdfInput): void {
  if (!note) return;
  ensureSpace(doc, 48);
  doc.moveDown(1);
  doc
    .fillColor(GREY)
    .fontSize(9)
    .text(labels.note, left(doc), doc.y, { width: contentWidth(doc) });
  // A long note flows onto further pages by itself; the bottom margin keeps it clear of the footer.
  doc
    .fillColor(INK)
    .fontSize(10)
    .text(note, { width: contentWidth(doc) });
}
