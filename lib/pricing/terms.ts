import type { Catalog } from "@/lib/catalog";
import type { Term, TermInput } from "./types";

/** A term's length in months (1 year = 12 months). */
export function termMonths(term: Term): number {
  return term.unit === "year" ? term.count * 12 : term.count;
}

/** Narrows a term to a valid one (rule 9), or returns undefined. */
export function validTerm(term: TermInput | undefined, catalog: Catalog): Term | undefined {
  if (!term || (term.unit !== "month" && term.unit !== "year") || !Number.isInteger(term.count)) return undefined;
  const bound = term.unit === "month" ? catalog.rules.termMonths : catalog.rules.termYears;
  return term.count >= bound.min && term.count <= bound.max ? { unit: term.unit, count: term.count } : undefined;
}

/** Compares two terms by length. */
export function sameTerm(a: Term | null | undefined, b: Term | null | undefined): boolean {
  return a?.unit === b?.unit && a?.count === b?.count;
}
