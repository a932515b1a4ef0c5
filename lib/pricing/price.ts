import type { Catalog, Locale } from "@/lib/catalog";
import { fenToAmount, formatFen, parseFen, timesFen } from "@/lib/money";
import { describeBreach, nameOf, pricingTranslator, termLabel, type PricingMessages } from "./messages";
import { addonIndex, type Breach } from "./breach";
import { evaluateCart, type PriceableLine } from "./rules";
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
  const t = pricingTranslator(options.locale, options.messages);
  const words = wordsFor(options.messages);
  const sums: Sums = { total: 0, monthlyTotal: 0 };
  const lines: PricedLine[] = [];
  for (const line of evaluation.lines) lines.push(priceLine(line, catalog, options.locale, t, words, sums));
  const { total, monthlyTotal } = sums;
  const amount = fenToAmount(total);
  return {
    ok: breaches.length === 0,
    currency: "CNY",
    catalogVersion: catalog.version,
    lines,
    subtotal: amount,
    adjustments: [],
    total: amount,
    monthly: { total: fenToAmount(monthlyTotal), savings: fenToAmount(monthlyTotal - total) },
    errors: breaches.map((b) => describeBreach(b, catalog, options.locale, t)),
  };
}

type Translate = ReturnType<typeof pricingTranslator>;
/** Running totals in fen that each priced line adds to. */
interface Sums {
  total: number;
  monthlyTotal: number;
}

/**
 * What a line's text needs besides its quantity depends only on the item and the term, so it is
 * built once per message set (one per locale) and looked up by object identity and a slot number
 * on every later keystroke. Each slot remembers the price strings it was built from and is rebuilt
 * if a line brings others.
 */
interface ItemWords {
  name: string;
  /** Index: 0 one-off, 1–5 years, 11–21 months (10 + count). */
  slots: (TermWords | undefined)[];
}
interface TermWords {
  unitPrice: string;
  monthlyPrice: string | undefined;
  unitFen: number;
  /** The unit price as the API writes it. */
  unitAmount: string;
  /** The monthly price in fen when a yearly line has one to compare with. */
  monthlyFen: number | undefined;
  /** Everything between the quantity and the amount: "¥1,390/seat/yr × 1 yr". */
  middle: string;
}
const wordCaches = new WeakMap<PricingMessages, WeakMap<object, ItemWords>>();
function wordsFor(messages: PricingMessages): WeakMap<object, ItemWords> {
  let cache = wordCaches.get(messages);
  if (!cache) wordCaches.set(messages, (cache = new WeakMap()));
  return cache;
}

function termWords(line: PriceableLine, catalog: Catalog, locale: Locale, t: Translate): TermWords {
  const term = line.term;
  const unitFen = parseFen(line.unitPrice);
  const price = formatFen(unitFen, { compact: true });
  const noun = line.kind === "seats" ? catalog.seatUnit[locale] : unitOf(catalog, line.addon.family, locale);
  return {
    unitPrice: line.unitPrice,
    monthlyPrice: line.monthlyPrice,
    unitFen,
    unitAmount: fenToAmount(unitFen),
    monthlyFen: term?.unit === "year" && line.monthlyPrice !== undefined ? parseFen(line.monthlyPrice) : undefined,
    middle: term ? `${price}/${noun}/${t(`per.${term.unit}`)} × ${termLabel(t, term)}` : price,
  };
}

// List-price lines are exact in integer fen (quantity × unit price × periods has no fraction), so
// the half-up rounding of lib/money never changes them; adjustments that do divide use decimal.js.
function priceLine(line: PriceableLine, catalog: Catalog, locale: Locale, t: Translate, cache: WeakMap<object, ItemWords>, sums: Sums) {
  const term = line.term;
  const item = line.kind === "seats" ? line.edition : line.addon;
  const sku = line.kind === "seats" ? line.edition.id : line.addon.sku;
  let words = cache.get(item);
  if (!words) cache.set(item, (words = { name: nameOf(catalog, sku, locale), slots: [] }));
  const slot = term ? (term.unit === "year" ? term.count : 10 + term.count) : 0;
  let w = words.slots[slot];
  if (w === undefined || w.unitPrice !== line.unitPrice || w.monthlyPrice !== line.monthlyPrice)
    words.slots[slot] = w = termWords(line, catalog, locale, t);
  const fen = timesFen(w.unitFen, line.quantity, term ? term.count : 1);
  const monthlyFen = w.monthlyFen === undefined ? fen : timesFen(w.monthlyFen, line.quantity, 12 * term!.count);
  sums.total += fen;
  sums.monthlyTotal += monthlyFen;
  const amount = fenToAmount(fen);
  const formula = `${line.quantity} × ${w.middle} = ${formatFen(fen)}`;
  const monthlyAmount = monthlyFen === fen ? amount : fenToAmount(monthlyFen);
  const { kind, quantity } = line;
  const { name } = words;
  const unitPrice = w.unitAmount;
  // Two literals rather than adding `index` afterwards: one object shape each, with `index` last as before.
  return kind === "addon"
    ? { kind, sku, name, quantity, term, unitPrice, amount, formula, monthlyAmount, index: line.index }
    : { kind, sku, name, quantity, term, unitPrice, amount, formula, monthlyAmount };
}

function unitOf(catalog: Catalog, family: string, locale: Locale): string {
  return catalog.families.find((f) => f.id === family)?.unit[locale] ?? "";
}

/** Field order of a path: edition, term, seats, then add-on lines in cart order. */
function rank(path: string): number {
  const line = addonIndex(path);
  return line >= 0 ? 3 + line : ["edition", "term", "seats"].indexOf(path);
}

function mergeBreaches(first: readonly Breach[], rest: Breach[]): Breach[] {
  if (first.length === 0 && rest.length === 0) return rest;
  const taken = new Set(first.map((b) => b.path));
  const merged = [...first, ...rest.filter((b) => !taken.has(b.path))];
  return merged.sort((a, b) => rank(a.path) - rank(b.path));
}
