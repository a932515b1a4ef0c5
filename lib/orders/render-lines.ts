// An order's lines in the reader's language (issue 10 item 13). The stored lines are what was sold,
// worded in the language the order was placed in; re-pricing the stored cart on the stored catalog
// version (and the stored quote terms or voucher) words them in any language. The stored amounts
// stay authoritative: the re-rendered words are used only when every re-priced amount equals the
// stored one, line by line, and the totals agree. Pure.
import type { Catalog, Locale } from "@/lib/catalog";
import type { OrderLineRow } from "@/lib/db/schema";
import { sameAmount } from "@/lib/money";
import { priceCart, type PricingMessages } from "@/lib/pricing";
import type { CartInput, PriceResult, VoucherTerms } from "@/lib/pricing/types";
import { applyVoucher } from "@/lib/pricing/voucher";
import { priceQuote, type QuoteTerms } from "@/lib/quotes/price";

/** A line as the order page shows it. */
export type DisplayLine = Pick<OrderLineRow, "position" | "kind" | "sku" | "quantity" | "unitPrice" | "amount" | "name" | "formula">;

export interface RenderInput {
  cart: CartInput;
  catalog: Catalog;
  stored: readonly DisplayLine[];
  total: string;
  /** The quote terms that priced the order (without the cart), if it was accepted from a quote. */
  quote?: Omit<QuoteTerms, "cart">;
  /** The voucher applied to the order, if any. */
  voucher?: VoucherTerms;
  locale: Locale;
  messages: PricingMessages;
}

/** Prices the order's cart as it was priced when placed, worded in `locale`. */
export function repriceOrder(input: RenderInput): PriceResult {
  const options = { locale: input.locale, messages: input.messages };
  if (input.quote) return priceQuote({ ...input.quote, cart: input.cart }, input.catalog, options);
  const priced = priceCart(input.cart, input.catalog, options);
  return input.voucher ? applyVoucher(priced, input.voucher, options) : priced;
}

/**
 * The order's lines worded in `locale`, or the stored lines unchanged (`rerendered: false`) when
 * re-pricing does not give back exactly what was stored (same skus, quantities, unit prices,
 * amounts and total): the stored order is what was sold, never the re-computation.
 */
export function renderOrderLines(input: RenderInput): { lines: DisplayLine[]; rerendered: boolean } {
  const unchanged = { lines: [...input.stored], rerendered: false };
  let priced: PriceResult;
  try {
    priced = repriceOrder(input);
  } catch {
    return unchanged;
  }
  if (!priced.ok || !sameAmount(priced.total, input.total)) return unchanged;
  const fresh = [
    ...priced.lines.map((l) => ({
      kind: l.kind,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      name: l.name,
      formula: l.formula,
    })),
    ...priced.adjustments.map((a) => ({
      kind: "adjustment" as const,
      sku: `${a.kind}:${a.code}`,
      quantity: 1,
      unitPrice: a.amount,
      amount: a.amount,
      name: a.label,
      formula: a.formula,
    })),
  ];
  if (fresh.length !== input.stored.length) return unchanged;
  const lines: DisplayLine[] = [];
  for (const [i, stored] of input.stored.entries()) {
    const line = fresh[i]!;
    const same =
      line.kind === stored.kind &&
      line.sku === stored.sku &&
      line.quantity === stored.quantity &&
      sameAmount(line.unitPrice, stored.unitPrice) &&
      sameAmount(line.amount, stored.amount);
    if (!same) return unchanged;
    // The stored amounts are kept; only the words come from the re-rendering.
    lines.push({ ...stored, name: line.name, formula: line.formula });
  }
  return { lines, rerendered: true };
}
