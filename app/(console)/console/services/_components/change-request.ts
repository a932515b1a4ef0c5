// What the change form offers and asks first, shared by the page (which prices that first request on the
// server, so the panel's first render needs no pricing code) and the panel itself.
import { catalog } from "@/lib/catalog";
import type { ChangeRequest, HeldState } from "@/lib/lifecycle/types";

/** What the "add" change can add: more seats of the held edition, or an add-on that edition allows. */
export function addableSkus(state: HeldState): string[] {
  return [state.edition, ...catalog.addons.filter((a) => (a.editions as readonly string[]).includes(state.edition)).map((a) => a.sku)];
}

/** The change the form shows first: one of the first add-on (or a seat), term not chosen yet. */
export function firstChange(state: HeldState): Extract<ChangeRequest, { kind: "add" }> {
  return { kind: "add", sku: addableSkus(state)[1] ?? state.edition, quantity: 1, term: undefined };
}

/** A request's identity, to tell whether the form still shows the one the server priced. */
export const requestKey = (request: ChangeRequest | undefined) => (request ? JSON.stringify(request) : "");
