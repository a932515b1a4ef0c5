import { findAddon, findEdition, indexOf, type Addon, type Catalog, type Edition } from "@/lib/catalog";
import { termMonths, validTerm } from "./terms";
import type { CartInput, RuleCode, RuleParams, Term } from "./types";

/** A broken rule before it is put into words. `variant` picks a more specific message. */
export interface Breach {
  code: RuleCode;
  path: string;
  params: RuleParams;
  variant?: string;
}

/** A cart line that passed every rule of its own and can be priced. */
export type PriceableLine =
  | { kind: "seats"; edition: Edition; quantity: number; term: Term; unitPrice: string; monthlyPrice?: string }
  | { kind: "addon"; index: number; addon: Addon; quantity: number; term: Term | null; unitPrice: string; monthlyPrice?: string };

export interface Evaluation {
  breaches: Breach[];
  lines: PriceableLine[];
}

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;

function priceFor(prices: { year?: string; month?: string }, term: Term) {
  return term.unit === "year" ? prices.year : prices.month;
}

/** Checks a cart against every rule of PRODUCT.md §2.3 and returns each breach and the lines fit to price. */
export function evaluateCart(cart: CartInput, catalog: Catalog): Evaluation {
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

  cart.addons.forEach((line, index) => {
    const at = (field: string) => `addons[${index}].${field}`;
    const addon = findAddon(catalog, line.sku);
    const before = breaches.length;
    if (!addon) {
      const salesOnly = catalog.salesOnlyAddons.some((a) => a.sku === line.sku);
      breaches.push(
        salesOnly
          ? { code: "CONTACT_SALES", path: at("sku"), params: { item: line.sku }, variant: "addon" }
          : { code: "UNKNOWN_SKU", path: at("sku"), params: { sku: line.sku } },
      );
    }
    if (!isCount(line.quantity) || line.quantity > catalog.rules.maxLineQuantity)
      breaches.push({ code: "QUANTITY_INVALID", path: at("quantity"), params: {} });
    if (!addon) return;
    if (edition && !addon.editions.includes(edition.id))
      breaches.push({ code: "ADDON_NOT_AVAILABLE", path: at("sku"), params: { item: addon.sku, edition: edition.id } });

    let term: Term | null = null;
    let unitPrice = addon.prices.once;
    if (unitPrice !== undefined) {
      if (line.term !== undefined)
        breaches.push({ code: "BILLING_UNIT_NOT_SOLD", path: at("term"), params: { item: addon.sku }, variant: "oneOff" });
    } else if (line.term !== undefined && !validTerm(line.term, catalog)) {
      breaches.push(termBreach(at("term")));
    } else if ((term = (line.term === undefined ? seatTerm : validTerm(line.term, catalog)) ?? null)) {
      unitPrice = priceFor(addon.prices, term);
      if (!unitPrice) breaches.push({ code: "BILLING_UNIT_NOT_SOLD", path: at("term"), params: { item: addon.sku, unit: term.unit } });
      else if (seatMonths !== undefined && familyOf(catalog, addon).termBoundBySeats && termMonths(term) > seatMonths)
        breaches.push({
          code: "ADDON_TERM_EXCEEDS_SEATS_TERM",
          path: at("term"),
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
  });

  breaches.push(...capBreaches(cart, catalog, edition, seats));
  return { breaches, lines };
}

function termBreach(path: string): Breach {
  return { code: "TERM_INVALID", path, params: {} };
}

function seatRangeParams(catalog: Catalog, edition: Edition, seats: number): RuleParams {
  const range = edition.seats!;
  // Point the buyer at the edition whose range does fit, in the same family (6 seats on pro → business).
  const fits = catalog.editions.find(
    (e) => e.family === edition.family && e.seats && seats >= e.seats.min && (e.seats.max === null || seats <= e.seats.max),
  );
  return { edition: edition.id, min: range.min, max: range.max ?? "∞", seats, suggestion: fits?.id ?? "" };
}

function familyOf(catalog: Catalog, addon: Addon) {
  return indexOf(catalog).families.get(addon.family)!;
}

/** Rules 3, 4 and 7: limits on the sum of several lines, reported at the last line that counts. */
function capBreaches(cart: CartInput, catalog: Catalog, edition: Edition | undefined, seats: number | undefined): Breach[] {
  const out: Breach[] = [];
  const index = indexOf(catalog);
  const sumOf = (match: (a: Addon) => boolean) => {
    let total = 0;
    let last = -1;
    for (let i = 0; i < cart.addons.length; i++) {
      const line = cart.addons[i]!;
      const addon = index.addons.get(line.sku);
      if (addon && match(addon) && isCount(line.quantity)) {
        total += line.quantity;
        last = i;
      }
    }
    return { total, last, lastQuantity: last >= 0 ? cart.addons[last]!.quantity : 0 };
  };
  if (seats !== undefined) {
    for (const family of index.cappedFamilies) {
      const { total, last, lastQuantity } = sumOf((a) => a.family === family.id);
      if (total > seats)
        out.push({
          code: family.seatCapCode!,
          path: `addons[${last}].quantity`,
          params: { seats, total, max: Math.max(0, seats - (total - lastQuantity)) },
        });
    }
  }
  if (edition) {
    for (const addon of index.limitedAddons) {
      const limit = addon.editionLimits?.[edition.id];
      if (limit === undefined) continue;
      const { total, last, lastQuantity } = sumOf((a) => a.sku === addon.sku);
      if (total > limit)
        out.push({
          code: "ROOMS_LIMIT",
          path: `addons[${last}].quantity`,
          params: { item: addon.sku, edition: edition.id, limit, total, max: Math.max(0, limit - (total - lastQuantity)) },
        });
    }
  }
  return out;
}
