import { getLocale } from "next-intl/server";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { findUserById } from "@/lib/db/queries/users";
import { messagesFor } from "@/lib/i18n/messages";
import { openQuote, priceOpenQuote } from "@/lib/quotes/open";
import { quotePdfResponse, quoteUnavailableResponse } from "@/lib/quotes/pdf-response";

/** GET /q/<token>/pdf: the quote the link opens, as a PDF; a link that opens nothing gets no PDF. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [db, locale] = [await getDb(), await getLocale()];
  const open = await openQuote(db, { token, now: await requestNow() });
  if (!open.ok) return quoteUnavailableResponse(locale, open.reason === "MALFORMED" || open.reason === "UNKNOWN" ? 404 : 410);
  const result = priceOpenQuote(open, { locale, messages: messagesFor(locale).Pricing });
  return quotePdfResponse({
    quote: open.quote,
    version: open.version,
    result,
    seller: await findUserById(db, { id: open.quote.createdBy }),
    locale,
  });
}
