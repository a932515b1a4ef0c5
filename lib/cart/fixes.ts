import { findAddon, findEdition, type Catalog } from "@/lib/catalog";
import { addonIndex } from "@/lib/pricing/breach";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";
import { setEdition, setLineQuantity, setLineTerm, setSeats } from "./edit";

/** A one-click repair offered beside a broken rule: a message key under `Buy.fix`, and the cart it leads to. */
export interface Fix {
  key: "switchEdition" | "lowerTo" | "raiseSeats" | "followSeats" | "yearly" | "removeLine" | "clearTerm";
  values: Record<string, string | number>;
  cart: CartInput;
}

/** The repairs that resolve a violation without touching anything the buyer did not ask for. */
export function fixesFor(error: RuleViolation, cart: CartInput, catalog: Catalog): Fix[] {
  const i = addonIndex(error.path);
  const line = cart.addons[i];
  const remove = (): Fix[] => (line ? [{ key: "removeLine", values: {}, cart: setLineQuantity(cart, i, line.sku, 0) }] : []);
  const p = error.params;
  switch (error.code) {
    case "SEATS_OUT_OF_RANGE":
      return typeof p.suggestion === "string" && p.suggestion
        ? [{ key: "switchEdition", values: { edition: p.suggestion }, cart: setEdition(cart, p.suggestion, catalog) }]
        : [];
    case "LARGE_MEETING_EXCEEDS_SEATS":
    case "WEBINAR_EXCEEDS_SEATS": {
      const fixes: Fix[] = [];
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
      return line?.term ? [{ key: "followSeats", values: {}, cart: setLineTerm(cart, i, undefined) }] : remove();
    case "BILLING_UNIT_NOT_SOLD": {
      if (!line) return [];
      const addon = findAddon(catalog, line.sku);
      if (addon?.prices.once !== undefined) return [{ key: "clearTerm", values: {}, cart: setLineTerm(cart, i, undefined) }];
      const bound = catalog.families.find((f) => f.id === addon?.family)?.termBoundBySeats;
      return addon?.prices.year && !bound
        ? [{ key: "yearly", values: {}, cart: setLineTerm(cart, i, { unit: "year", count: 1 }) }]
        : remove();
    }
    case "ADDON_NOT_AVAILABLE":
    case "CONTACT_SALES":
    case "UNKNOWN_SKU":
      return remove();
    default:
      return [];
  }
}
