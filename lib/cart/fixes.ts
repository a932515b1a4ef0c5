import { findAddon, findEdition, type Catalog } from "@/lib/catalog";
import { addonIndex } from "@/lib/pricing/breach";
import { evaluateCart } from "@/lib/pricing/rules";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";
import { setEdition, setLineQuantity, setLineTerm, setSeats, setTerm } from "./edit";

/** A one-click repair offered beside a broken rule: a message key under `Buy.fix`, and the cart it leads to. */
export interface Fix {
  key: "switchEdition" | "lowerTo" | "raiseSeats" | "lowerSeats" | "followSeats" | "yearly" | "seatsYearly" | "removeLine" | "clearTerm";
  values: Record<string, string | number>;
  cart: CartInput;
}

/** A candidate repair, and the add-on line it removes (so the breaches after it can be matched to those before). */
type Candidate = Fix & { removes?: number };

/** A breach's identity in a cart: code and path, the path read as if line `removed` were still there. */
function keyOf(code: string, path: string, removed?: number): string {
  const i = addonIndex(path);
  if (removed === undefined || i < removed) return `${code}@${path}`;
  return `${code}@${path.replace(/^addons\[\d+\]/, `addons[${i + 1}]`)}`;
}

/**
 * Whether a repair leads somewhere: the cart it gives no longer has the breach and has no breach
 * the buyer's cart did not have already, so a fix never sends the buyer on to another problem.
 */
export function resolves(error: Pick<RuleViolation, "code" | "path">, cart: CartInput, fix: Candidate, catalog: Catalog): boolean {
  const before = new Set(evaluateCart(cart, catalog).breaches.map((b) => keyOf(b.code, b.path)));
  const after = evaluateCart(fix.cart, catalog).breaches.map((b) => keyOf(b.code, b.path, fix.removes));
  return !after.includes(keyOf(error.code, error.path)) && after.every((k) => before.has(k));
}

/** The repairs that resolve a violation without touching anything the buyer did not ask for, and without a new problem. */
export function fixesFor(error: RuleViolation, cart: CartInput, catalog: Catalog): Fix[] {
  return candidates(error, cart, catalog)
    .filter((fix) => resolves(error, cart, fix, catalog))
    .map(({ removes: _removes, ...fix }) => fix);
}

function candidates(error: RuleViolation, cart: CartInput, catalog: Catalog): Candidate[] {
  const i = addonIndex(error.path);
  const line = cart.addons[i];
  const remove = (): Candidate[] =>
    line ? [{ key: "removeLine", values: {}, cart: setLineQuantity(cart, i, line.sku, 0), removes: i }] : [];
  const p = error.params;
  switch (error.code) {
    case "SEATS_OUT_OF_RANGE": {
      const out: Candidate[] = [];
      // A contact-sales suggestion (300 business → Enterprise) is a link to sales (salesLead), not a cart.
      const suggestion = typeof p.suggestion === "string" ? findEdition(catalog, p.suggestion) : undefined;
      if (suggestion && suggestion.sales !== "contact-sales")
        out.push({ key: "switchEdition", values: { edition: suggestion.id }, cart: setEdition(cart, suggestion.id, catalog) });
      const range = findEdition(catalog, cart.edition)?.seats;
      const seats = Number(p.seats);
      if (range && range.max !== null && seats > range.max)
        out.push({ key: "lowerSeats", values: { seats: range.max }, cart: setSeats(cart, range.max) });
      if (range && seats < range.min) out.push({ key: "raiseSeats", values: { seats: range.min }, cart: setSeats(cart, range.min) });
      return out;
    }
    case "LARGE_MEETING_EXCEEDS_SEATS":
    case "WEBINAR_EXCEEDS_SEATS": {
      const fixes: Candidate[] = [];
      const max = Number(p.max);
      if (line && max > 0) fixes.push({ key: "lowerTo", values: { max }, cart: setLineQuantity(cart, i, line.sku, max) });
      const range = findEdition(catalog, cart.edition)?.seats;
      const total = Number(p.total);
      if (range && (range.max === null || total <= range.max))
        fixes.push({ key: "raiseSeats", values: { seats: total }, cart: setSeats(cart, total) });
      return fixes.length ? fixes : remove();
    }
    case "ROOMS_LIMIT": {
      const max = Number(p.max);
      return line && max > 0 ? [{ key: "lowerTo", values: { max }, cart: setLineQuantity(cart, i, line.sku, max) }] : remove();
    }
    case "ADDON_TERM_EXCEEDS_SEATS_TERM":
    case "BILLING_UNIT_NOT_SOLD":
      return termCandidates(cart, i, catalog, remove);
    case "ADDON_NOT_AVAILABLE":
    case "CONTACT_SALES":
    case "UNKNOWN_SKU":
      return remove();
    default:
      return [];
  }
}

/**
 * Repairs for a line whose term cannot be bought (rules 5, 6): follow the seats' term, buy the line
 * by the year, or, when the line is bound to the seats' term and the seats go by the month, buy the
 * seats by the year (webinar-500 on a 1-month term); removing the line is the last resort.
 */
function termCandidates(cart: CartInput, i: number, catalog: Catalog, remove: () => Candidate[]): Candidate[] {
  const line = cart.addons[i];
  if (i < 0 || !line) return [];
  const addon = findAddon(catalog, line.sku);
  if (addon?.prices.once !== undefined) return [{ key: "clearTerm", values: {}, cart: setLineTerm(cart, i, undefined) }];
  const out: Candidate[] = [];
  if (line.term) out.push({ key: "followSeats", values: {}, cart: setLineTerm(cart, i, undefined) });
  if (addon?.prices.year) out.push({ key: "yearly", values: {}, cart: setLineTerm(cart, i, { unit: "year", count: 1 }) });
  if (out.some((f) => resolvesAt(cart, i, f, catalog))) return out;
  // Nothing on the line alone works: remove it (the seats stay as chosen), or keep it by buying the seats by the year.
  const seated = findEdition(catalog, cart.edition)?.seats;
  const seatsYearly: Candidate[] =
    seated && cart.term.unit === "month" && addon?.prices.year
      ? [{ key: "seatsYearly", values: {}, cart: setLineTerm(setTerm(cart, { unit: "year", count: 1 }), i, undefined) }]
      : [];
  return [...remove(), ...seatsYearly];
}

/** Whether a candidate leaves line `i`'s term free of breaches. */
function resolvesAt(cart: CartInput, i: number, fix: Candidate, catalog: Catalog): boolean {
  const path = `addons[${i}].term`;
  return evaluateCart(fix.cart, catalog).breaches.every((b) => b.path !== path);
}

/**
 * Where sales takes over a breach: a contact-sales edition or add-on (the form preselects it), or
 * seats beyond every self-serve edition's range (300 business accounts → Enterprise), where the
 * link carries the seat count into the form too.
 */
export function salesLead(
  error: RuleViolation,
  cart: CartInput,
  catalog: Catalog,
): { item: string; seats?: number; href: string } | undefined {
  const href = (q: Record<string, string>) => `/contact-sales?${new URLSearchParams(q).toString()}`;
  if (error.code === "CONTACT_SALES") {
    const line = addonIndex(error.path);
    const item = line >= 0 ? (cart.addons[line]?.sku ?? "") : cart.edition;
    return { item, href: href(line >= 0 ? { addon: item } : { edition: item }) };
  }
  if (error.code === "SEATS_OUT_OF_RANGE" && typeof error.params.suggestion === "string") {
    const suggestion = findEdition(catalog, error.params.suggestion);
    const seats = Number(error.params.seats);
    if (suggestion?.sales === "contact-sales" && Number.isInteger(seats) && seats > 0)
      return { item: suggestion.id, seats, href: href({ edition: suggestion.id, seats: String(seats) }) };
  }
  return undefined;
}
