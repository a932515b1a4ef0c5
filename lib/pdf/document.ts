// The shared parts of every PDF the store writes (quotes, receipts): the CJK font, an A4 document
// collected into a Buffer, and the layout pieces (rules, amount rows, page footers).
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { env } from "@/lib/env";

export class PdfFontMissingError extends Error {
  override name = "PdfFontMissingError";
}

/** A font file, and for a collection (.ttc/.otc) the PostScript name of the face to use. */
export interface PdfFont {
  path: string;
  postscriptName?: string;
}

// Debian's CJK font packages, best first (fonts-noto-cjk, then fonts-wqy-zenhei); names checked with fc-query.
const KNOWN_FONTS: PdfFont[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", postscriptName: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", postscriptName: "NotoSerifCJKsc-Regular" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", postscriptName: "WenQuanYiZenHei" },
];

const HOW_TO_FIX =
  "install fonts-noto-cjk (Debian: apt-get install fonts-noto-cjk) or set QUOTE_PDF_FONT to a .ttf/.otf/.ttc with Chinese glyphs";

const isCollection = (path: string) => /\.(ttc|otc)$/i.test(path);

/** The CJK font for PDFs: QUOTE_PDF_FONT if set, else the first known Debian font present; throws PdfFontMissingError. */
export function findPdfFont(
  source: { QUOTE_PDF_FONT?: string; QUOTE_PDF_FONT_NAME?: string },
  exists: (path: string) => boolean = existsSync,
): PdfFont {
  const configured = source.QUOTE_PDF_FONT;
  if (configured) {
    // An explicit choice that is wrong must fail loudly, not fall back to some other font.
    if (!exists(configured)) throw new PdfFontMissingError(`QUOTE_PDF_FONT ${configured} does not exist: ${HOW_TO_FIX}.`);
    if (!isCollection(configured)) return { path: configured }; // fontkit rejects a face name for a single font
    if (!source.QUOTE_PDF_FONT_NAME) {
      throw new PdfFontMissingError(
        `QUOTE_PDF_FONT ${configured} is a font collection: set QUOTE_PDF_FONT_NAME to the PostScript name of a face in it (see fc-query).`,
      );
    }
    return { path: configured, postscriptName: source.QUOTE_PDF_FONT_NAME };
  }
  const found = KNOWN_FONTS.find((font) => exists(font.path));
  if (!found) throw new PdfFontMissingError(`No CJK font found for PDFs: ${HOW_TO_FIX}.`);
  return found;
}

export const MARGIN = 56;
const FOOTER_SPACE = 40; // kept free under the bottom margin line for the footer
export const AMOUNT_WIDTH = 130;
export const GREY = "#6b7280";
export const INK = "#111827";
const RULE = "#d1d5db";

export type Doc = PDFKit.PDFDocument;

/**
 * An A4 document in the CJK font (found now: a missing font throws PdfFontMissingError before any
 * drawing), and `finish`, which draws the page footers, ends it and resolves to its bytes.
 */
export function createPdf(options: { locale: string; title: string; footer: string }): { doc: Doc; finish(): Promise<Buffer> } {
  const font = findPdfFont(env());
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true, // the footer's "page n / N" needs N, known only at the end
    lang: options.locale,
    displayTitle: true,
    info: { Title: options.title },
    // pdfkit reads Helvetica's AFM file from its own folder unless `font` is null (its types admit only a string).
    font: null as unknown as string,
  });
  const pdf = collect(doc);
  applyFont(doc, font);
  return {
    doc,
    finish() {
      drawFooters(doc, options.footer);
      doc.end();
      return pdf;
    },
  };
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function applyFont(doc: Doc, font: PdfFont): void {
  try {
    // pdfkit embeds only the glyphs used (a subset), so a 20 MB collection costs a few KB per PDF.
    doc.registerFont("cjk", font.path, font.postscriptName).font("cjk");
  } catch (cause) {
    const face = font.postscriptName ? ` (face ${font.postscriptName})` : "";
    throw new PdfFontMissingError(`Cannot load ${font.path}${face}: ${(cause as Error).message}; ${HOW_TO_FIX}.`, { cause });
  }
}

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` would not fit above the footer; true when it did. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

export function rule(doc: Doc, gap = 6): void {
  doc.y += gap;
  doc
    .moveTo(left(doc), doc.y)
    .lineTo(left(doc) + contentWidth(doc), doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.y += gap;
}

/** A row of the amounts table. */
export interface AmountRow {
  name: string;
  detail: string;
  amount: string;
}

/** The column headings of an amounts table. */
export function drawTableHeader(doc: Doc, labels: { item: string; amount: string }): void {
  const y = doc.y;
  doc.fillColor(GREY).fontSize(9);
  doc.text(labels.item, left(doc), y, { width: contentWidth(doc) - AMOUNT_WIDTH });
  doc.text(labels.amount, left(doc) + contentWidth(doc) - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: "right" });
  rule(doc, 4);
}

/** One row: the name with its detail beneath in smaller grey, the amount right-aligned on the first line. */
export function drawRow(doc: Doc, row: AmountRow, bold = false): void {
  const x = left(doc);
  const textWidth = contentWidth(doc) - AMOUNT_WIDTH - 16;
  const y = doc.y;
  // Only the regular face is embedded: "bold" strokes the glyph outlines too, so no second 20 MB font is read.
  const weight = bold ? { fill: true, stroke: true } : {};
  doc
    .save()
    .lineWidth(0.4)
    .strokeColor(INK)
    .fillColor(INK)
    .fontSize(bold ? 13 : 10.5);
  doc.text(row.amount, x + contentWidth(doc) - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: "right", ...weight });
  doc.text(row.name, x, y, { width: textWidth, ...weight });
  doc.restore();
  if (row.detail)
    doc
      .fillColor(GREY)
      .fontSize(8.5)
      .text(row.detail, x, doc.y + 1, { width: textWidth });
  doc.y += 6;
}

export function rowHeight(doc: Doc, row: { name: string; detail: string }): number {
  const width = contentWidth(doc) - AMOUNT_WIDTH - 16;
  const name = doc.fontSize(10.5).heightOfString(row.name, { width });
  const detail = row.detail ? doc.fontSize(8.5).heightOfString(row.detail, { width }) + 1 : 0;
  return name + detail + 6;
}

/** The lines, then subtotal, adjustments and total, with the headings repeated on each continued page. */
export function drawAmounts(
  doc: Doc,
  labels: { item: string; amount: string; subtotal: string; total: string },
  amounts: { lines: AmountRow[]; subtotal: string; adjustments: AmountRow[]; total: string },
): void {
  drawTableHeader(doc, labels);
  for (const line of amounts.lines) {
    // A row is never split across pages, and each continued page repeats the column headings.
    if (ensureSpace(doc, rowHeight(doc, line))) drawTableHeader(doc, labels);
    drawRow(doc, line);
  }
  rule(doc, 2);
  for (const row of [{ name: labels.subtotal, detail: "", amount: amounts.subtotal }, ...amounts.adjustments]) {
    ensureSpace(doc, rowHeight(doc, row));
    drawRow(doc, row);
  }
  ensureSpace(doc, 40);
  rule(doc, 2);
  drawRow(doc, { name: labels.total, detail: "", amount: amounts.total }, true);
}

function drawFooters(doc: Doc, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const savedBottom = margins.bottom;
    // pdfkit starts a new page for text below the bottom margin, which is exactly where the footer goes.
    margins.bottom = 0;
    const y = doc.page.height - savedBottom + 16;
    const width = contentWidth(doc);
    doc.fillColor(GREY).fontSize(8);
    doc.text(footer, left(doc), y, { width: width - 80, height: MARGIN, ellipsis: true });
    doc.text(`${i + 1 - start} / ${count}`, left(doc) + width - 80, y, { width: 80, align: "right", lineBreak: false });
    margins.bottom = savedBottom;
  }
}
