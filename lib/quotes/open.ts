// What a quote link opens, for the buyer's page and for checkout alike: the quote's current
// version, the catalog version it was issued on, and its price terms. Server only (database).
import { catalog as currentCatalog, type Catalog, type Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { getCatalogVersion } from "@/lib/db/queries/catalog-versions";
import type { QuoteRow, QuoteVersionRow } from "@/lib/db/schema";
import type { PricingMessages } from "@/lib/pricing";
import type { CartInput, PriceResult } from "@/lib/pricing/types";
import { canonicalJson } from "./canonical";
import { findQuoteByToken } from "./lifecycle";
import { priceQuote } from "./price";
import type { QuoteLookupFailure } from "./status";

export interface OpenQuote {
  quote: QuoteRow;
  version: QuoteVersionRow;
  /** The catalog the quote was issued on: its prices hold for the life of the quote. */
  catalog: Catalog;
}

export type OpenQuoteResult = ({ ok: true } & OpenQuote) | { ok: false; reason: QuoteLookupFailure | "CATALOG_GONE"; quoteId?: string };

/** Opens a link token at `now`, or says why it cannot be opened (and shows no price). */
export async function openQuote(db: Db, params: { token: string; now: Date }): Promise<OpenQuoteResult> {
  const found = await findQuoteByToken(db, params);
  if (!found.ok) return found;
  const catalog = await catalogForVersion(db, found.quote.catalogVersion);
  if (!catalog) return { ok: false, reason: "CATALOG_GONE", quoteId: found.quote.id };
  return { ok: true, quote: found.quote, version: found.version, catalog };
}

/** The catalog of a version: the bundled one when it is current, else as recorded when it was served. */
export async function catalogForVersion(db: Db, version: string): Promise<Catalog | undefined> {
  if (version === currentCatalog.version) return currentCatalog;
  // Every catalog ever served is recorded (and was validated then), so older quotes keep their prices.
  return (await getCatalogVersion(db, { version }))?.data as Catalog | undefined;
}

/** The cart as the quote was issued. */
export const quotedCart = (open: OpenQuote): CartInput => open.version.cart as CartInput;

/**
 * Whether the buyer may order `cart` under this quote: exactly the quoted cart, or, when the quote
 * lets the buyer edit, any cart of the same edition (the cart rules then decide) and, with a
 * negotiated price, the same billing unit (the price was agreed per year or per month).
 */
export function cartAllowedByQuote(open: OpenQuote, cart: CartInput): boolean {
  const quoted = quotedCart(open);
  if (!open.quote.buyerMayEdit) return canonicalJson(cart) === canonicalJson(quoted);
  return cart.edition === quoted.edition && (open.version.negotiatedSeatPrice === null || cart.term.unit === quoted.term.unit);
}

/** Prices `cart` (by default the quoted one) on the quote's stored terms and catalog. */
export function priceOpenQuote(
  open: OpenQuote,
  options: { locale: Locale; messages: PricingMessages },
  cart: CartInput = quotedCart(open),
): PriceResult {
  return priceQuote({ ...openQuoteTerms(open), cart }, open.catalog, options);
}

/** The price terms a link's version fixes, as the browser's checkout needs them too. */
export function openQuoteTerms(open: OpenQuote) {
  const { version, quote } = open;
  const negotiatedUnit: "year" | "month" = quotedCart(open).term.unit === "month" ? "month" : "year";
  return {
    discountPercent: version.discountPercent,
    negotiatedSeatPrice: version.negotiatedSeatPrice,
    negotiatedUnit,
    reference: quote.number,
  };
}
