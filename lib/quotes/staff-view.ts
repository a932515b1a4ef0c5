// What the staff pages need around a stored quote: its price on the catalog it was issued on,
// and who may see or revoke it. Server only (database).
import type { Catalog, Locale } from "@/lib/catalog";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { listQuotes } from "@/lib/db/queries/quotes";
import type { QuoteRow } from "@/lib/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import type { CartInput, PriceResult } from "@/lib/pricing/types";
import { catalogForVersion } from "./open";
import { priceQuote } from "./price";
import { displayStatus } from "./status";

export interface PricedStoredQuote {
  /** The catalog the quote's current version was issued on. */
  catalog: Catalog;
  result: PriceResult;
}

export type CatalogLoader = (version: string) => Promise<Catalog | undefined>;

/** Looks catalogs up by version, each once: a list prices many quotes on few catalogs. */
export function catalogLoader(db: Db): CatalogLoader {
  const loaded = new Map<string, Promise<Catalog | undefined>>();
  return (version) => {
    let found = loaded.get(version);
    if (!found) {
      found = catalogForVersion(db, version);
      loaded.set(version, found);
    }
    return found;
  };
}

/** Prices a stored quote's current terms on its own catalog; undefined when that catalog is gone. */
export async function priceStoredQuote(
  db: Db,
  quote: QuoteRow,
  locale: Locale,
  load: CatalogLoader = catalogLoader(db),
): Promise<PricedStoredQuote | undefined> {
  const catalog = await load(quote.catalogVersion);
  if (!catalog) return undefined;
  const terms = {
    cart: quote.cart as CartInput,
    discountPercent: quote.discountPercent,
    negotiatedSeatPrice: quote.negotiatedSeatPrice,
    reference: quote.number,
  };
  return { catalog, result: priceQuote(terms, catalog, { locale, messages: messagesFor(locale).Pricing }) };
}

/** Whether a staff member may see (and revoke) a quote: its own salesperson, or any operator. */
export function canManageQuote(user: { id: string; role: Role }, quote: Pick<QuoteRow, "createdBy">): boolean {
  return user.role === "operator" || (user.role === "sales" && quote.createdBy === user.id);
}

/** A salesperson's quotes (every quote without `userId`), newest first; with `now`, each shows the status staff see (displayStatus). */
export async function listQuotesForStaff(db: Db, params: { userId?: string; now?: Date; limit?: number }): Promise<QuoteRow[]> {
  const rows = await listQuotes(db, { createdBy: params.userId, limit: params.limit });
  const now = params.now;
  if (!now) return rows;
  return rows.map((q) => ({ ...q, status: displayStatus(q, now) }));
}
