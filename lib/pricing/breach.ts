import type { RuleCode, RuleParams } from "./types";

/** A broken rule before it is put into words. `variant` picks a more specific message. */
export interface Breach {
  code: RuleCode;
  path: string;
  params: RuleParams;
  variant?: string;
}

/** The path of a field of add-on line `index`: `addons[2].quantity`. */
export function addonPath(index: number, field: "sku" | "quantity" | "term"): string {
  return `addons[${index}].${field}`;
}

/** The add-on line a path points into (`addons[2].term` → 2), or −1 for a cart-level path. */
export function addonIndex(path: string): number {
  const match = /^addons\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : -1;
}

/** An unreadable or out-of-range term (rule 9) at a path. */
export function termBreach(path: string): Breach {
  return { code: "TERM_INVALID", path, params: {} };
}
