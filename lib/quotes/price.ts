// Prices a quote from its stored terms: the same priceCart the store uses, a negotiated seat
// price where sales set one, then the quote discount as one adjustment line. Pure.
import type { Catalog, Edition } from "@/lib/catalog";
import { compareAmounts, isAmount, isZero, PRICE_DIGITS } from "@/lib/money";
import { priceCart, type PriceOptions } from "@/lib/pricing";
import { applyAdjustment } from "@/lib/pricing/adjust";
import { isNegotiable } from "@/lib/pricing/editions";
import type { CartInput, PriceResult } from "@/lib/pricing/types";

/** The price terms a quote version fixes. */
export interface QuoteTerms {
  cart: CartInput;
  /** Percent off the subtotal, 0–100 with at most two places: "10", "15.01". */
  discountPercent: string;
  /** Per seat per billing period of the cart's term (per year on yearly terms); enterprise / education-plus, 256+ seats only. */
  negotiatedSeatPrice: string | null;
  /**
   * The billing unit the negotiated price was agreed in (the quoted cart's); by default the cart's
   * own. A buyer editing the quote cannot move it to the other unit: that unit is not sold.
   */
  negotiatedUnit?: "year" | "month";
  /** Short reference shown in the adjustment line, e.g. the quote number. */
  reference?: string;
}

/**
 * Prices a quote's stored terms. With a negotiated seat price, the contact-sales edition is priced
 * as if it were self-serve at that price (see `withNegotiatedPrice`); then the discount is taken
 * off the subtotal, half-up to the fen once, never more than the subtotal. Throws on terms that
 * validation must have refused (bad percent, negotiated price where none is allowed).
 */
export function priceQuote(terms: QuoteTerms, catalog: Catalog, options: PriceOptions): PriceResult {
  const percent = checkPercent(terms.discountPercent);
  let priceList = catalog;
  if (terms.negotiatedSeatPrice !== null) {
    // Too few seats is the buyer's (or rep's) input, reported by the edition's own seat range;
    // a negotiated price on a self-serve edition can only be a bug upstream.
    if (!isNegotiable(terms.cart.edition)) throw new Error(`negotiated seat price not allowed for ${terms.cart.edition}`);
    if (!isAmount(terms.negotiatedSeatPrice, { digits: PRICE_DIGITS }))
      throw new Error(`bad negotiated seat price ${terms.negotiatedSeatPrice}`);
    priceList = withNegotiatedPrice(
      catalog,
      terms.cart.edition,
      terms.negotiatedUnit ?? (terms.cart.term.unit === "month" ? "month" : "year"),
      terms.negotiatedSeatPrice,
    );
  }
  const priced = priceCart(terms.cart, priceList, options);
  if (isZero(percent)) return priced;
  return applyAdjustment(priced, { kind: "quote-discount", code: terms.reference ?? "", percent }, options);
}

/**
 * A copy of the catalog in which the quoted contact-sales edition is sold self-serve at the
 * negotiated price, in the agreed billing unit only (the other unit breaches BILLING_UNIT_NOT_SOLD).
 *
 * Why not price the seat line by hand and run add-ons through priceCart with the edition swapped
 * to business / education: those editions stop at 255 seats, so every 256+ cart would breach
 * SEATS_OUT_OF_RANGE and the seat caps (large meeting, webinar ≤ seats) would be checked against
 * the wrong count, while add-on availability would follow the wrong edition. Overriding the one
 * edition keeps every rule on the real edition and real seat count, and the seat line is still
 * priced by priceCart's integer-fen arithmetic (quantity × negotiated price × periods).
 */
function withNegotiatedPrice(catalog: Catalog, edition: string, unit: "year" | "month", seatPrice: string): Catalog {
  const editions = catalog.editions.map((e): Edition =>
    e.id === edition ? { ...e, sales: "self-serve", prices: { [unit]: seatPrice } } : e,
  );
  return { ...catalog, editions };
}

/** A discount percent as stored: 0–100 with at most two places ("10", "10.00", "15.01"). */
function checkPercent(value: string): string {
  if (!isAmount(value, { digits: 3 }) || compareAmounts(value, "100") > 0) throw new Error(`bad discount percent ${value}`);
  return value;
}
