import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { env } from "@/lib/env";

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

export class QuotePdfFontMissingError extends Error {
  override name = "QuotePdfFontMissingError";
}

/** A font file, and for a collection (.ttc/.otc) the PostScript name of the face to use. */
export interface QuotePdfFont {
  path: string;
  postscriptName?: string;
}

// Debian's CJK font packages, best first (fonts-noto-cjk, then fonts-wqy-zenhei); names checked with fc-query.
const KNOWN_FONTS: QuotePdfFont[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", postscriptName: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", postscriptName: "NotoSerifCJKsc-Regular" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", postscriptName: "WenQuanYiZenHei" },
];

const HOW_TO_FIX =
  "install fonts-noto-cjk (Debian: apt-get install fonts-noto-cjk) or set QUOTE_PDF_FONT to a .ttf/.otf/.ttc with Chinese glyphs";

const isCollection = (path: string) => /\.(ttc|otc)$/i.test(path);

/** The CJK font for quote PDFs: QUOTE_PDF_FONT if set, else the first known Debian font present; throws QuotePdfFontMissingError. */
export function findQuotePdfFont(
  source: { QUOTE_PDF_FONT?: string; QUOTE_PDF_FONT_NAME?: string },
  exists: (path: string) => boolean = existsSync,
): QuotePdfFont {
  const configured = source.QUOTE_PDF_FONT;
  if (configured) {
    // An explicit choice that is wrong must fail loudly, not fall back to some other font.
    if (!exists(configured)) throw new QuotePdfFontMissingError(`QUOTE_PDF_FONT ${configured} does not exist: ${HOW_TO_FIX}.`);
    if (!isCollection(configured)) return { path: configured }; // fontkit rejects a face name for a single font
    if (!source.QUOTE_PDF_FONT_NAME) {
      throw new QuotePdfFontMissingError(
        `QUOTE_PDF_FONT ${configured} is a font collection: set QUOTE_PDF_FONT_NAME to the PostScript name of a face in it (see fc-query).`,
      );
    }
    return { path: configured, postscriptName: source.QUOTE_PDF_FONT_NAME };
  }
  const found = KNOWN_FONTS.find((font) => exists(font.path));
  if (!found) throw new QuotePdfFontMissingError(`No CJK font found for quote PDFs: ${HOW_TO_FIX}.`);
  return found;
}

const MARGIN = 56;
const FOOTER_SPACE = 40; // kept free under the bottom margin line for the footer
const AMOUNT_WIDTH = 130;
const GREY = "#6b7280";
const INK = "#111827";
const RULE = "#d1d5db";

type Doc = PDFKit.PDFDocument;

/** A one-or-more-page A4 PDF of the quote. */
export async function renderQuotePdf(input: QuotePdfInput): Promise<Buffer> {
  const font = findQuotePdfFont(env());
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true, // the footer's "page n / N" needs N, known only at the end
    lang: input.locale,
    displayTitle: true,
    info: { Title: `${input.labels.title} ${input.number}` },
    // pdfkit reads Helvetica's AFM file from its own folder unless `font` is null (its types admit only a string).
    font: null as unknown as string,
  });
  const pdf = collect(doc);
  applyFont(doc, font);
  drawHeader(doc, input);
  drawLines(doc, input);
  drawTotals(doc, input);
  drawNote(doc, input);
  drawFooters(doc, input.labels.footer);
  doc.end();
  return pdf;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function applyFont(doc: Doc, font: QuotePdfFont): void {
  try {
    // pdfkit embeds only the glyphs used (a subset), so a 20 MB collection costs a few KB per PDF.
    doc.registerFont("cjk", font.path, font.postscriptName).font("cjk");
  } catch (cause) {
    const face = font.postscriptName ? ` (face ${font.postscriptName})` : "";
    throw new QuotePdfFontMissingError(`Cannot load ${font.path}${face}: ${(cause as Error).message}; ${HOW_TO_FIX}.`, { cause });
  }
}

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` would not fit above the footer; true when it did. */
function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

function rule(doc: Doc, gap = 6): void {
  doc.y += gap;
  doc
    .moveTo(left(doc), doc.y)
    .lineTo(left(doc) + contentWidth(doc), doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.y += gap;
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

function drawTableHeader(doc: Doc, labels: QuotePdfInput["labels"]): void {
  const y = doc.y;
  doc.fillColor(GREY).fontSize(9);
  doc.text(labels.item, left(doc), y, { width: contentWidth(doc) - AMOUNT_WIDTH });
  doc.text(labels.amount, left(doc) + contentWidth(doc) - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: "right" });
  rule(doc, 4);
}

/** One row: the name with its detail beneath in smaller grey, the amount right-aligned on the first line. */
function drawRow(doc: Doc, row: { name: string; detail: string; amount: string }, bold = false): void {
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

function rowHeight(doc: Doc, row: { name: string; detail: string }): number {
  const width = contentWidth(doc) - AMOUNT_WIDTH - 16;
  const name = doc.fontSize(10.5).heightOfString(row.name, { width });
  const detail = row.detail ? doc.fontSize(8.5).heightOfString(row.detail, { width }) + 1 : 0;
  return name + detail + 6;
}

function drawLines(doc: Doc, { labels, lines }: QuotePdfInput): void {
  drawTableHeader(doc, labels);
  for (const line of lines) {
    // A row is never split across pages, and each continued page repeats the column headings.
    if (ensureSpace(doc, rowHeight(doc, line))) drawTableHeader(doc, labels);
    drawRow(doc, line);
  }
  rule(doc, 2);
}

function drawTotals(doc: Doc, { labels, subtotal, adjustments, total }: QuotePdfInput): void {
  const rows = [
    { name: labels.subtotal, detail: "", amount: subtotal },
    ...adjustments.map((a) => ({ name: a.label, detail: a.detail, amount: a.amount })),
  ];
  for (const row of rows) {
    ensureSpace(doc, rowHeight(doc, row));
    drawRow(doc, row);
  }
  ensureSpace(doc, 40);
  rule(doc, 2);
  drawRow(doc, { name: labels.total, detail: "", amount: total }, true);
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
