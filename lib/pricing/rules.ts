import { findEdition, indexOf, type Addon, type Catalog, type Edition } from "@/lib/catalog";
import { addonPath, termBreach, type Breach } from "./breach";
import { termMonths, validTerm } from "./terms";
import type { CartInput, CartLineInput, RuleParams, Term } from "./types";

export type { Breach } from "./breach";

/** A cart line that passed every rule of its own and can be priced. */
export type PriceableLine =
  | { kind: "seats"; edition: Edition; quantity: number; term: Term; unitPrice: string; monthlyPrice?: string }
  | { kind: "addon"; index: number; addon: Addon; quantity: number; term: Term | null; unitPrice: string; monthlyPrice?: string };

export interface Evaluation {
  breaches: Breach[];
  lines: PriceableLine[];
}

/** Most add-on lines a cart may hold: a catalog has a few dozen sku × term pairs, so this is never in a buyer's way. */
export const MAX_CART_LINES = 100;

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;

function priceFor(prices: { year?: string; month?: string }, term: Term) {
  return term.unit === "year" ? prices.year : prices.month;
}

/** Checks a cart against every rule of PRODUCT.md §2.3 and returns each breach and the lines fit to price. */
export function evaluateCart(cart: CartInput, catalog: Catalog): Evaluation {
  // Refused before any line is looked at, so the work a cart costs stays bounded however many lines are sent.
  if (cart.addons.length > MAX_CART_LINES)
    return {
      breaches: [{ code: "TOO_MANY_LINES", path: "addons", params: { max: MAX_CART_LINES, count: cart.addons.length } }],
      lines: [],
    };
  const breaches: Breach[] = [];
  const lines: PriceableLine[] = [];
  const edition = findEdition(catalog, cart.edition);
  const selfServe = edition?.sales !== "contact-sales";

  if (!edition) breaches.push({ code: "UNKNOWN_EDITION", path: "edition", params: { edition: cart.edition } });
  else if (!selfServe) breaches.push({ code: "CONTACT_SALES", path: "edition", params: { edition: edition.id } });

  const seatTerm = validTerm(cart.term, catalog);
  if (!seatTerm) breaches.push(termBreach("term"));

  // Seats (rule 1): the seat count, once it is known to be valid, caps families (rules 3 and 4).
  let seats: number | undefined;
  if (edition && selfServe) {
    const range = edition.seats;
    if (!range) {
      if (cart.seats !== undefined && cart.seats !== 0)
        breaches.push({ code: "SEATS_OUT_OF_RANGE", path: "seats", params: { edition: edition.id }, variant: "noSeats" });
    } else if (cart.seats === undefined) {
      breaches.push({ code: "SEATS_REQUIRED", path: "seats", params: { edition: edition.id } });
    } else if (!Number.isInteger(cart.seats)) {
      breaches.push({ code: "QUANTITY_INVALID", path: "seats", params: {} });
    } else if (cart.seats < range.min || (range.max !== null && cart.seats > range.max)) {
      breaches.push({ code: "SEATS_OUT_OF_RANGE", path: "seats", params: seatRangeParams(catalog, edition, cart.seats) });
    } else {
      seats = cart.seats;
    }
    if (range && seatTerm) {
      const unitPrice = priceFor(edition.prices, seatTerm);
      if (!unitPrice) breaches.push({ code: "BILLING_UNIT_NOT_SOLD", path: "term", params: { item: edition.id, unit: seatTerm.unit } });
      else if (seats !== undefined)
        lines.push({ kind: "seats", edition, quantity: seats, term: seatTerm, unitPrice, monthlyPrice: edition.prices.month });
    }
  }
  const seatMonths = edition?.seats && seatTerm ? termMonths(seatTerm) : undefined;

  // A plain loop with the index looked up once: this runs on every keystroke and every API call.
  const lookup = indexOf(catalog);
  const maxQuantity = catalog.rules.maxLineQuantity;
  for (let index = 0; index < cart.addons.length; index++) {
    const line = cart.addons[index]!;
    const addon = lookup.addons.get(line.sku);
    const before = breaches.length;
    if (!addon) {
      const salesOnly = catalog.salesOnlyAddons.some((a) => a.sku === line.sku);
      breaches.push(
        salesOnly
          ? { code: "CONTACT_SALES", path: addonPath(index, "sku"), params: { item: line.sku }, variant: "addon" }
          : { code: "UNKNOWN_SKU", path: addonPath(index, "sku"), params: { sku: line.sku } },
      );
    }
    if (!isCount(line.quantity) || line.quantity > maxQuantity)
      breaches.push({ code: "QUANTITY_INVALID", path: addonPath(index, "quantity"), params: {} });
    if (!addon) continue;
    if (edition && !addon.editions.includes(edition.id))
      breaches.push({ code: "ADDON_NOT_AVAILABLE", path: addonPath(index, "sku"), params: { item: addon.sku, edition: edition.id } });

    let term: Term | null = null;
    let unitPrice = addon.prices.once;
    if (unitPrice !== undefined) {
      if (line.term !== undefined)
        breaches.push({ code: "BILLING_UNIT_NOT_SOLD", path: addonPath(index, "term"), params: { item: addon.sku }, variant: "oneOff" });
    } else if (line.term !== undefined && !validTerm(line.term, catalog)) {
      breaches.push(termBreach(addonPath(index, "term")));
    } else if ((term = (line.term === undefined ? seatTerm : validTerm(line.term, catalog)) ?? null)) {
      unitPrice = priceFor(addon.prices, term);
      const boundBySeats = seatMonths !== undefined && lookup.families.get(addon.family)!.termBoundBySeats;
      if (!unitPrice) {
        // A yearly-only line bound to monthly seats cannot be bought by the year either (rule 5): say what does work.
        const bound = line.term === undefined && boundBySeats && seatMonths < 12;
        breaches.push({
          code: "BILLING_UNIT_NOT_SOLD",
          path: addonPath(index, "term"),
          params: { item: addon.sku, unit: term.unit },
          ...(bound ? { variant: "boundToSeats" } : {}),
        });
      } else if (boundBySeats && termMonths(term) > seatMonths)
        breaches.push({
          code: "ADDON_TERM_EXCEEDS_SEATS_TERM",
          path: addonPath(index, "term"),
          params: { item: addon.sku, months: termMonths(term), seatMonths },
        });
    }
    if (breaches.length === before && unitPrice !== undefined)
      lines.push({
        kind: "addon",
        index,
        addon,
        quantity: line.quantity,
        term,
        unitPrice,
        monthlyPrice: term?.unit === "year" ? addon.prices.month : undefined,
      });
  }

  breaches.push(...capBreaches(cart, catalog, edition, seats));
  breaches.push(...skuTotalBreaches(cart, catalog, breaches));
  return { breaches, lines };
}

/** The seat range breach's params, naming the edition of the same family whose range fits `seats` (6 on pro → business). */
export function seatRangeParams(catalog: Catalog, edition: Edition, seats: number): RuleParams {
  const range = edition.seats!;
  // Point the buyer at the edition whose range does fit, in the same family (6 seats on pro → business).
  const fits = catalog.editions.find(
    (e) => e.family === edition.family && e.seats && seats >= e.seats.min && (e.seats.max === null || seats <= e.seats.max),
  );
  return { edition: edition.id, min: range.min, max: range.max ?? "∞", seats, suggestion: fits?.id ?? "" };
}

/** A limit on the sum of several add-on lines (rules 3, 4, 7): which lines count, and how many they may hold together. */
export interface LineCap {
  code: "LARGE_MEETING_EXCEEDS_SEATS" | "WEBINAR_EXCEEDS_SEATS" | "ROOMS_LIMIT";
  limit: number;
  counts: (addon: Addon) => boolean;
  params: RuleParams;
}

/**
 * Every cap on an edition's add-on lines: each seat-capped family at the seat count (rules 3, 4),
 * each add-on with a per-edition limit (rule 7). Without a seat count there is no seat cap.
 */
export function lineCaps(catalog: Catalog, edition: Edition | undefined, seats: number | undefined): LineCap[] {
  const index = indexOf(catalog);
  const caps: LineCap[] = [];
  if (seats !== undefined) {
    for (const family of index.cappedFamilies)
      caps.push({ code: family.seatCapCode!, limit: seats, counts: (a) => a.family === family.id, params: { seats } });
  }
  if (edition) {
    for (const addon of index.limitedAddons) {
      const limit = addon.editionLimits?.[edition.id];
      if (limit !== undefined)
        caps.push({
          code: "ROOMS_LIMIT",
          limit,
          counts: (a) => a.sku === addon.sku,
          params: { item: addon.sku, edition: edition.id, limit },
        });
    }
  }
  return caps;
}

/** How much of a cap the lines use (skipping line `except`), and the last line that counts (−1 if none). */
export function capUsage(lines: readonly CartLineInput[], catalog: Catalog, cap: LineCap, except = -1): { used: number; last: number } {
  const addons = indexOf(catalog).addons;
  let used = 0;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const addon = addons.get(line.sku);
    if (i !== except && addon && cap.counts(addon) && isCount(line.quantity)) {
      used += line.quantity;
      last = i;
    }
  }
  return { used, last };
}

/** The sum of the quantities that count toward any cap (whole and positive): no group of lines holds more. */
function countedTotal(lines: readonly CartLineInput[], max = Infinity): number {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const quantity = lines[i]!.quantity;
    if (isCount(quantity) && quantity <= max) total += quantity;
  }
  return total;
}

/** Rules 3, 4 and 7 as breaches, reported at the last line that counts, with the most that line may hold. */
function capBreaches(cart: CartInput, catalog: Catalog, edition: Edition | undefined, seats: number | undefined): Breach[] {
  const out: Breach[] = [];
  // A cap that every counted unit of the cart together stays within cannot be broken by some of them.
  const total = countedTotal(cart.addons);
  for (const cap of lineCaps(catalog, edition, seats)) {
    if (total <= cap.limit) continue;
    const { used, last } = capUsage(cart.addons, catalog, cap);
    if (used <= cap.limit) continue;
    const max = Math.max(0, cap.limit - (used - cart.addons[last]!.quantity));
    out.push({ code: cap.code, path: addonPath(last, "quantity"), params: { ...cap.params, total: used, max } });
  }
  return out;
}

/**
 * The per-line quantity cap holds for each sku summed over its lines too (two lines of 999 rooms
 * are 1,998 rooms), reported at the last line of that sku unless a cap already flagged that line.
 */
function skuTotalBreaches(cart: CartInput, catalog: Catalog, found: readonly Breach[]): Breach[] {
  const limit = catalog.rules.maxLineQuantity;
  const out: Breach[] = [];
  // Lines over the limit have their own QUANTITY_INVALID and do not count; if all the others
  // together stay within it, so does every sku's share.
  if (countedTotal(cart.addons, limit) <= limit) return out;
  const totals = new Map<string, { used: number; last: number }>();
  cart.addons.forEach((line, i) => {
    if (!isCount(line.quantity) || line.quantity > limit) return; // that line has its own QUANTITY_INVALID
    const t = totals.get(line.sku) ?? { used: 0, last: -1 };
    totals.set(line.sku, { used: t.used + line.quantity, last: i });
  });
  for (const [sku, { used, last }] of totals) {
    const path = addonPath(last, "quantity");
    if (used <= limit || found.some((b) => b.path === path)) continue;
    const max = Math.max(0, limit - (used - cart.addons[last]!.quantity));
    out.push({ code: "SKU_QUANTITY_LIMIT", path, params: { item: sku, limit, total: used, max } });
  }
  return out;
}
