// A quote's revision history in words: what each version changed against the one before it,
// from the `changes` recorded on quote_versions. Pure: the translator and date format are injected.
import type { Catalog, Locale } from "@/lib/catalog";
import type { Messages } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { Decimal } from "@/lib/money/decimal";
import { nameOf, pricingTranslator, termLabel, type PricingMessages } from "@/lib/pricing/messages";
import type { CartInput, CartLineInput, TermInput } from "@/lib/pricing/types";

/** A key of the `QuoteAdmin.history` namespace, checked against the message files. */
export type HistoryKey = keyof Messages["QuoteAdmin"]["history"];

/** Translates a key of the `QuoteAdmin.history` namespace. */
export type Translate = (key: HistoryKey, values?: Record<string, string | number>) => string;

export interface HistoryContext {
  locale: Locale;
  /** Names editions and add-ons; the quote's own catalog. */
  catalog: Catalog;
  t: Translate;
  /** The `Pricing` messages of `locale`, for term labels ("1 年", "2 yrs"). */
  pricing: PricingMessages;
  /** A day as the reader reads it (expiry dates). */
  formatDate: (at: Date) => string;
}

/** The parts of a stored version the history reads. */
export interface VersionLike {
  version: number;
  createdAt: Date;
  changes: unknown;
}

export interface HistoryEntry {
  version: number;
  issuedAt: Date;
  /** One readable line per difference; version 1 reads "Issued". */
  changes: string[];
}

/** Every version, newest first, each with its changes in words. */
export function revisionHistory(versions: readonly VersionLike[], ctx: HistoryContext): HistoryEntry[] {
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({
      version: v.version,
      issuedAt: v.createdAt,
      changes: v.version === 1 ? [ctx.t("issued")] : describeChanges(v.changes, ctx),
    }));
}

// Terms first, then who the quote is for; any field not known here still gets a line.
const FIELD_ORDER = [
  "cart",
  "discountPercent",
  "negotiatedSeatPrice",
  "catalogVersion",
  "expiresAt",
  "customerName",
  "customerEmail",
  "buyerMayEdit",
  "note",
];

/** A version's recorded `changes` (field → { from, to }) as readable lines. */
export function describeChanges(changes: unknown, ctx: HistoryContext): string[] {
  const { t } = ctx;
  const entries = Object.entries(isRecord(changes) ? changes : {}).filter(
    (e): e is [string, { from: unknown; to: unknown }] => isRecord(e[1]) && "from" in e[1] && "to" in e[1],
  );
  if (entries.length === 0) return [t("noChanges")];
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return entries.flatMap(([field, { from, to }]) => {
    switch (field) {
      case "cart":
        return isCart(from) && isCart(to) ? describeCartChange(from, to, ctx) : [t("cartChanged")];
      case "discountPercent":
        return [t("discount", { from: formatPercent(from), to: formatPercent(to) })];
      case "negotiatedSeatPrice": {
        const price = (v: unknown) => (v === null || v === undefined || v === "" ? t("listPrice") : money(v));
        return [t("negotiatedSeatPrice", { from: price(from), to: price(to) })];
      }
      case "expiresAt":
        return [t("expiresAt", { from: day(from, ctx), to: day(to, ctx) })];
      case "customerName":
      case "customerEmail":
        return [t(field, { from: String(from ?? ""), to: String(to ?? "") })];
      case "buyerMayEdit":
        return [t("buyerMayEdit", { from: t(from ? "yes" : "no"), to: t(to ? "yes" : "no") })];
      case "catalogVersion":
        return [t("catalogVersion", { from: String(from), to: String(to) })];
      case "note": {
        const note = (v: unknown) => (typeof v === "string" && v.trim() ? clip(v.trim(), 80) : t("noNote"));
        return [t("note", { from: note(from), to: note(to) })];
      }
      default:
        return [t("other", { field })];
    }
  });
}

/** What changed between two carts: edition, seats, term, then each add-on added, removed or changed. */
export function describeCartChange(from: CartInput, to: CartInput, ctx: HistoryContext): string[] {
  const { t, catalog, locale } = ctx;
  const name = (id: string) => nameOf(catalog, id, locale);
  const lines: string[] = [];
  if (from.edition !== to.edition) lines.push(t("edition", { from: name(from.edition), to: name(to.edition) }));
  if ((from.seats ?? null) !== (to.seats ?? null))
    lines.push(t("seats", { from: seatsText(from.seats, ctx), to: seatsText(to.seats, ctx) }));
  if (!sameTerm(from.term, to.term)) lines.push(t("term", { from: termText(from.term, ctx), to: termText(to.term, ctx) }));
  const skus = [...new Set([...from.addons, ...to.addons].map((a) => a.sku))];
  for (const sku of skus) {
    const before = from.addons.filter((a) => a.sku === sku);
    const after = to.addons.filter((a) => a.sku === sku);
    if (before.length === 0) for (const line of after) lines.push(t("addonAdded", { item: itemText(line, ctx) }));
    else if (after.length === 0) for (const line of before) lines.push(t("addonRemoved", { item: itemText(line, ctx) }));
    else if (before.length === 1 && after.length === 1) {
      const [a, b] = [before[0]!, after[0]!];
      if (a.quantity !== b.quantity) lines.push(t("addonQuantity", { name: name(sku), from: a.quantity, to: b.quantity }));
      if (!sameTerm(a.term, b.term))
        lines.push(t("addonTerm", { name: name(sku), from: addonTermText(a.term, ctx), to: addonTermText(b.term, ctx) }));
    } else if (before.map(lineKey).sort().join() !== after.map(lineKey).sort().join()) {
      // Several lines of one add-on (different terms): list both sides rather than guess a pairing.
      const list = (ls: CartLineInput[]) => new Intl.ListFormat(locale).format(ls.map((l) => itemText(l, ctx)));
      lines.push(t("addonChanged", { name: name(sku), from: list(before), to: list(after) }));
    }
  }
  return lines.length > 0 ? lines : [t("cartChanged")];
}

/** A stored percent as people write it: "10.00" → "10", "15.10" → "15.1". */
export function formatPercent(value: unknown): string {
  try {
    return new Decimal(String(value)).toString();
  } catch {
    return String(value);
  }
}

function money(value: unknown): string {
  try {
    return formatMoney(String(value));
  } catch {
    return String(value);
  }
}

function day(value: unknown, ctx: HistoryContext): string {
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? String(value) : ctx.formatDate(at);
}

const seatsText = (seats: number | undefined, ctx: HistoryContext) => (seats === undefined ? ctx.t("noSeats") : String(seats));

function termText(term: TermInput, ctx: HistoryContext): string {
  if (term.unit !== "month" && term.unit !== "year") return `${term.count} ${term.unit}`;
  return termLabel(pricingTranslator(ctx.locale, ctx.pricing), { unit: term.unit, count: term.count });
}

const addonTermText = (term: TermInput | undefined, ctx: HistoryContext) => (term ? termText(term, ctx) : ctx.t("seatsTerm"));

function itemText(line: CartLineInput, ctx: HistoryContext): string {
  const values = { name: nameOf(ctx.catalog, line.sku, ctx.locale), quantity: line.quantity };
  return line.term ? ctx.t("addonItemTerm", { ...values, term: termText(line.term, ctx) }) : ctx.t("addonItem", values);
}

const sameTerm = (a: TermInput | undefined, b: TermInput | undefined) => a?.unit === b?.unit && a?.count === b?.count;
const lineKey = (l: CartLineInput) => `${l.quantity}:${l.term ? `${l.term.count}${l.term.unit}` : ""}`;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isCart(v: unknown): v is CartInput {
  return (
    isRecord(v) &&
    typeof v.edition === "string" &&
    isRecord(v.term) &&
    Array.isArray(v.addons) &&
    v.addons.every((a) => isRecord(a) && typeof a.sku === "string")
  );
}
