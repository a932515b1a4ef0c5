import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { findUserById } from "@/lib/db/queries/users";
import { messagesFor } from "@/lib/i18n/messages";
import { catalogForVersion, priceOpenQuote } from "@/lib/quotes/open";
import { canManageQuote } from "@/lib/quotes/staff-view";
import { quotePdfResponse, quoteUnavailableResponse } from "@/lib/quotes/pdf-response";

/** GET /sales/quotes/<id>/pdf: the current version of a quote as a PDF, for its rep or an operator. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, locale] = [await getCurrentUser(), await getLocale()];
  // The session and the role first: a stranger's request never reaches the quotes table.
  if (!user || (user.role !== "sales" && user.role !== "operator")) return quoteUnavailableResponse(locale, 404);
  const db = await getDb();
  const found = await getQuoteWithVersions(db, { quoteId: id });
  const allowed = found && canManageQuote(user, found.quote);
  const version = found?.versions.find((v) => v.version === found.quote.currentVersion);
  const catalog = found && (await catalogForVersion(db, found.quote.catalogVersion));
  if (!allowed || !found || !version || !catalog) return quoteUnavailableResponse(locale, 404);
  const open = { quote: found.quote, version, catalog };
  const result = priceOpenQuote(open, { locale, messages: messagesFor(locale).Pricing });
  return quotePdfResponse({ ...open, result, seller: await findUserById(db, { id: found.quote.createdBy }), locale });
}
