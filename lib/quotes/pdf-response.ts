// The PDF download of a quote as an HTTP response, for the buyer's link and the staff page alike.
import type { Locale } from "@/lib/catalog";
import type { QuoteRow, QuoteVersionRow, UserRow } from "@/lib/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import type { PriceResult } from "@/lib/pricing/types";
import { QuotePdfFontMissingError, renderQuotePdf, type QuotePdfInput } from "./pdf";

export interface PrintableQuote {
  quote: QuoteRow;
  version: QuoteVersionRow;
  result: PriceResult;
  seller: Pick<UserRow, "name" | "email"> | undefined;
  locale: Locale;
}

/** What the PDF shows, every label in the buyer's language and every date in China time. */
export function quotePdfInput({ quote, version, result, seller, locale }: PrintableQuote): QuotePdfInput {
  const date = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" });
  return {
    locale,
    labels: messagesFor(locale).Quotes.pdf,
    number: quote.number,
    customer: { name: quote.customerName, email: quote.customerEmail },
    seller: { name: seller?.name ?? "", email: seller?.email ?? "" },
    issuedAt: date.format(version.createdAt),
    expiresAt: date.format(quote.expiresAt),
    lines: result.lines.map((l) => ({ name: l.name, detail: l.formula, amount: formatMoney(l.amount) })),
    subtotal: formatMoney(result.subtotal),
    adjustments: result.adjustments.map((a) => ({ label: a.label, detail: a.formula, amount: formatMoney(a.amount) })),
    total: formatMoney(result.total),
    note: quote.note,
  };
}

/** The quote as a PDF attachment named after its number; 503 with a reason when no CJK font is installed. */
export async function quotePdfResponse(printable: PrintableQuote): Promise<Response> {
  try {
    const pdf = await renderQuotePdf(quotePdfInput(printable));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${printable.quote.number}-v${printable.version.version}.pdf"`,
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (!(error instanceof QuotePdfFontMissingError)) throw error;
    console.error("[quotes]", error.message);
    return new Response(messagesFor(printable.locale).Quotes.pdfErrors.fontMissing, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/** The answer for a link or id that opens no quote: no price, just why. */
export function quoteUnavailableResponse(locale: Locale, status: 404 | 410): Response {
  return new Response(messagesFor(locale).Quotes.pdfErrors.unavailable, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
