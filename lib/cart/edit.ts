import { findAddon, findEdition, type Catalog } from "@/lib/catalog";
import { capUsage, lineCaps } from "@/lib/pricing/rules";
import type { CartInput, CartLineInput, TermInput } from "@/lib/pricing/types";

/** Pure cart edits used by the configurator; each returns a new cart. */

/** The seats a buyer last had on each edition they left, by edition id. */
export type SeatMemory = Readonly<Record<string, number>>;

/**
 * Switches the edition. The seats become the buyer's own figure for that edition when they had
 * one (`memory`) and it is still within its range; else the current seats, brought within range.
 */
export function setEdition(cart: CartInput, edition: string, catalog: Catalog, memory: SeatMemory = {}): CartInput {
  const e = findEdition(catalog, edition);
  const range = e?.seats;
  const within = (n: number | undefined) => n !== undefined && range != null && n >= range.min && n <= (range.max ?? Infinity);
  const remembered = memory[edition];
  const seats = !range
    ? undefined
    : within(remembered)
      ? remembered
      : Math.min(Math.max(cart.seats ?? range.min, range.min), range.max ?? Infinity);
  const { seats: _old, ...rest } = cart;
  return seats === undefined ? { ...rest, edition } : { ...rest, edition, seats };
}

/** The memory after the buyer leaves the cart's edition: its seats, when it has a valid figure, are remembered. */
export function rememberSeats(memory: SeatMemory, cart: CartInput, catalog: Catalog): SeatMemory {
  const range = findEdition(catalog, cart.edition)?.seats;
  const seats = cart.seats;
  if (!range || seats === undefined || seats < range.min || seats > (range.max ?? Infinity)) return memory;
  return { ...memory, [cart.edition]: seats };
}

export function setSeats(cart: CartInput, seats: number | undefined): CartInput {
  const { seats: _old, ...rest } = cart;
  return seats === undefined ? rest : { ...rest, seats };
}

export function setTerm(cart: CartInput, term: TermInput): CartInput {
  return { ...cart, term };
}

/** Sets a line's quantity; 0 removes the line. `index` −1 appends a new line for `sku`. */
export function setLineQuantity(cart: CartInput, index: number, sku: string, quantity: number): CartInput {
  if (index < 0) return quantity > 0 ? { ...cart, addons: [...cart.addons, { sku, quantity }] } : cart;
  if (quantity <= 0) return { ...cart, addons: cart.addons.filter((_, i) => i !== index) };
  return { ...cart, addons: cart.addons.map((l, i) => (i === index ? { ...l, quantity } : l)) };
}

/** Gives a line its own term, or (undefined) makes it follow the seats' term again. */
export function setLineTerm(cart: CartInput, index: number, term: TermInput | undefined): CartInput {
  return {
    ...cart,
    addons: cart.addons.map((l, i): CartLineInput => {
      if (i !== index) return l;
      const { term: _old, ...rest } = l;
      return term ? { ...rest, term } : rest;
    }),
  };
}

/**
 * The most a line may hold given the other lines: what each cap binding it (seat-capped
 * families, rules 3, 4; per-edition limits, rule 7) leaves after the other lines, and never more
 * than the catalog's line maximum (rule 8). The caps are the ones the rules check.
 */
export function lineAllowance(cart: CartInput, catalog: Catalog, index: number, sku: string): number {
  const addon = findAddon(catalog, sku);
  let max = catalog.rules.maxLineQuantity;
  if (!addon) return max;
  for (const cap of lineCaps(catalog, findEdition(catalog, cart.edition), cart.seats)) {
    if (cap.counts(addon)) max = Math.min(max, cap.limit - capUsage(cart.addons, catalog, cap, index).used);
  }
  return Math.max(0, max);
}
