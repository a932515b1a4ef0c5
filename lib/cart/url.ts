import { addonPath, termBreach, type Breach } from "@/lib/pricing/breach";
import type { CartInput, CartLineInput, RuleViolation, TermInput } from "@/lib/pricing/types";

/** What a `/buy?…` link decodes to: the cart as written, and what could not be read. */
export interface DecodedCart {
  cart: CartInput;
  /** Syntax problems, as breaches at the path they concern; the cart keeps the raw shape so nothing is guessed. */
  errors: Breach[];
}

/** Whether a cart has no edition yet: the configurator's start state (bare `/buy`, or `edition=` left empty). */
export function choosingEdition(cart: Pick<CartInput, "edition">): boolean {
  return cart.edition === "";
}

/**
 * Whether a rule breach only says that no edition is chosen yet. The API still refuses such a cart
 * (UNKNOWN_EDITION), but the configurator shows it as a prompt to choose, not as a problem.
 */
export function isStartBreach(error: Pick<RuleViolation, "code" | "params">): boolean {
  return error.code === "UNKNOWN_EDITION" && error.params.edition === "";
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const UNREADABLE_TERM: TermInput = { unit: "", count: 0 };
const DEFAULT_TERM: TermInput = { unit: "year", count: 1 };

/** Writes a term as `6m` or `2y`. */
export function encodeTerm(term: TermInput): string {
  return `${term.count}${term.unit === "month" ? "m" : term.unit === "year" ? "y" : "?"}`;
}

/** Reads `6m` or `2y`; anything else is undefined. */
export function decodeTerm(text: string): TermInput | undefined {
  const match = /^(\d{1,3})([my])$/.exec(text);
  return match ? { unit: match[2] === "m" ? "month" : "year", count: Number(match[1]) } : undefined;
}

/** The query string of a cart (PRODUCT.md §3), without the leading `?`. */
export function encodeCart(cart: CartInput): string {
  const q = new URLSearchParams();
  if (cart.edition) q.set("edition", cart.edition);
  if (cart.seats !== undefined) q.set("seats", String(cart.seats));
  q.set("term", encodeTerm(cart.term));
  for (const line of cart.addons) {
    q.append("add", [line.sku, String(line.quantity), ...(line.term ? [encodeTerm(line.term)] : [])].join(":"));
  }
  return q.toString();
}

function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const WHOLE = /^\d{1,6}$/;

/**
 * Reads a cart from `/buy` query parameters. An absent edition stays empty — the start state
 * (`choosingEdition`), never an error of the link — and an absent term is one year (a fresh cart);
 * a present but unreadable value is reported, never corrected.
 */
export function decodeCart(params: Params): DecodedCart {
  const errors: Breach[] = [];
  const edition = all(params, "edition")[0] ?? "";

  let seats: number | undefined;
  const seatsText = all(params, "seats")[0];
  if (seatsText !== undefined && seatsText !== "") {
    if (WHOLE.test(seatsText)) seats = Number(seatsText);
    else errors.push({ code: "QUANTITY_INVALID", path: "seats", params: {} });
  }

  const termText = all(params, "term")[0];
  let term = DEFAULT_TERM;
  if (termText !== undefined) {
    term = decodeTerm(termText) ?? UNREADABLE_TERM;
    if (term === UNREADABLE_TERM) errors.push(termBreach("term"));
  }

  const addons = all(params, "add").map((text, index): CartLineInput => {
    const [sku = "", quantityText = "", termPart, ...rest] = text.split(":");
    const line: CartLineInput = { sku, quantity: WHOLE.test(quantityText) ? Number(quantityText) : 0 };
    if (!WHOLE.test(quantityText) || rest.length > 0)
      errors.push({ code: "QUANTITY_INVALID", path: addonPath(index, "quantity"), params: {} });
    if (termPart !== undefined) {
      line.term = decodeTerm(termPart) ?? UNREADABLE_TERM;
      if (line.term === UNREADABLE_TERM) errors.push(termBreach(addonPath(index, "term")));
    }
    return line;
  });

  return { cart: { edition, ...(seats !== undefined ? { seats } : {}), term, addons }, errors };
}
