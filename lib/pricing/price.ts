import type { Catalog, Locale } from "@/lib/catalog";
import { Decimal, formatMoney, roundToFen, toAmount } from "@/lib/money";
import { describeBreach, nameOf, pricingTranslator, termLabel, type PricingMessages } from "./messages";
import { evaluateCart, type Breach, type PriceableLine } from "./rules";
import type { CartInput, PricedLine, PriceResult } from "./types";

export interface PriceOptions {
  locale: Locale;
  /** The `Pricing` namespace of the message file for `locale`. */
  messages: PricingMessages;
  /** Breaches found before pricing (by the URL codec); they stand in for rule breaches at the same path. */
  breaches?: readonly Breach[];
}

/**
 * Prices a cart against a catalog: every line with its formula, the total, the monthly
 * comparison, and every broken rule in the buyer's language. Pure: no clock, no I/O.
 */
export function priceCart(cart: CartInput, catalog: Catalog, options: PriceOptions): PriceResult {
  const evaluation = evaluateCart(cart, catalog);
  const breaches = mergeBreaches(options.breaches ?? [], evaluation.breaches);
  const lines = evaluation.lines;
  const t = pricingTranslator(options.locale, options.messages);
  const priced = lines.map((line) => priceLine(line, catalog, options.locale, t));
  let total = new Decimal(0);
  let monthlyTotal = new Decimal(0);
  for (const line of priced) {
    total = total.plus(line.amount);
    monthlyTotal = monthlyTotal.plus(line.monthlyAmount);
  }
  return {
    ok: breaches.length === 0,
    currency: "CNY",
    catalogVersion: catalog.version,
    lines: priced,
    total: toAmount(total),
    monthly: { total: toAmount(monthlyTotal), savings: toAmount(monthlyTotal.minus(total)) },
    errors: breaches.map((b) => describeBreach(b, catalog, options.locale, t)),
  };
}

type Translate = ReturnType<typeof pricingTranslator>;

function priceLine(line: PriceableLine, catalog: Catalog, locale: Locale, t: Translate): PricedLine {
  const periods = line.term ? line.term.count : 1;
  const amount = roundToFen(new Decimal(line.unitPrice).times(line.quantity).times(periods));
  const monthlyAmount =
    line.term?.unit === "year" && line.monthlyPrice !== undefined
      ? roundToFen(new Decimal(line.monthlyPrice).times(line.quantity).times(12 * line.term.count))
      : amount;
  const sku = line.kind === "seats" ? line.edition.id : line.addon.sku;
  const unitNoun = line.kind === "seats" ? catalog.seatUnit[locale] : unitOf(catalog, line.addon.family, locale);
  const unitPrice = formatMoney(line.unitPrice, { compact: true });
  const formula = line.term
    ? `${line.quantity} × ${unitPrice}/${unitNoun}/${t(`per.${line.term.unit}`)} × ${termLabel(t, line.term)} = ${formatMoney(amount)}`
    : `${line.quantity} × ${unitPrice} = ${formatMoney(amount)}`;
  return {
    kind: line.kind,
    sku,
    ...(line.kind === "addon" ? { index: line.index } : {}),
    name: nameOf(catalog, sku, locale),
    quantity: line.quantity,
    term: line.term,
    unitPrice: toAmount(new Decimal(line.unitPrice)),
    amount: toAmount(amount),
    formula,
    monthlyAmount: toAmount(monthlyAmount),
  };
}

function unitOf(catalog: Catalog, family: string, locale: Locale): string {
  return catalog.families.find((f) => f.id === family)?.unit[locale] ?? "";
}

/** Field order of a path: edition, term, seats, then add-on lines in cart order. */
function rank(path: string): number {
  const line = /^addons\[(\d+)\]/.exec(path);
  return line ? 3 + Number(line[1]) : ["edition", "term", "seats"].indexOf(path);
}

function mergeBreaches(first: readonly Breach[], rest: readonly Breach[]): Breach[] {
  const taken = new Set(first.map((b) => b.path));
  const merged = [...first, ...rest.filter((b) => !taken.has(b.path))];
  return merged.sort((a, b) => rank(a.path) - rank(b.path));
}
