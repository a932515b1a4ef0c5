import { findAddon, type Catalog } from "@/lib/catalog";
import { addonPath } from "@/lib/pricing/breach";
import { evaluateCart } from "@/lib/pricing/rules";
import type { CartInput, Term } from "@/lib/pricing/types";
import { setLineTerm } from "./edit";

/** The terms a line's term menu offers, and whether following the seats' term passes. */
export interface AllowedTerms {
  /** Following the seats' term (no term of its own) breaks no rule of the line's term. */
  followSeats: boolean;
  /** Every term of its own that breaks no rule of the line's term (rules 5, 6, 9): years first, then months. */
  terms: Term[];
}

/** Every term the catalog allows: 1–5 years, then 1–11 months (rule 9). */
export function catalogTerms(catalog: Catalog): Term[] {
  const { termYears: y, termMonths: m } = catalog.rules;
  const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return [
    ...range(y.min, y.max).map((count): Term => ({ unit: "year", count })),
    ...range(m.min, m.max).map((count): Term => ({ unit: "month", count })),
  ];
}

/**
 * The terms line `index` can take without breaking a rule at its term, judged by the same rules as
 * the price (evaluateCart), so a menu never offers a term that would be refused. One-off lines take none.
 */
export function allowedTerms(cart: CartInput, index: number, catalog: Catalog): AllowedTerms {
  const line = cart.addons[index];
  const addon = line && findAddon(catalog, line.sku);
  if (!addon || addon.prices.once !== undefined) return { followSeats: false, terms: [] };
  const path = addonPath(index, "term");
  const passes = (term: Term | undefined) => evaluateCart(setLineTerm(cart, index, term), catalog).breaches.every((b) => b.path !== path);
  return { followSeats: passes(undefined), terms: catalogTerms(catalog).filter((t) => passes(t)) };
}
