"use client";

import { decodeCart, encodeCart, type DecodedCart } from "@/lib/cart/url";
import type { CartInput } from "@/lib/pricing/types";

/**
 * The latest cart of a checkout, kept in the tab's session. Every history entry of one checkout
 * (its steps, pushed as the buyer moves on) carries the checkout's id in its history state; an
 * entry an older cart was written into (Back after a refresh renders it from its URL) is brought
 * to the latest cart, as Back without a refresh already does. A new visit (a link, a typed URL)
 * has no id and starts from its URL. Which entry a wizard opens on is taken from the popstate
 * event of a Back or Forward (`traversal`), since Next.js rewrites the entry's URL and state
 * while it renders it again after a refresh.
 */
const KEY = "quorum.cart.v1";
const ENTRY = "quorumCheckout";

interface Stored {
  id: string;
  query: string;
}

function stored(): Stored | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Partial<Stored> | null;
    return typeof value?.id === "string" && typeof value.query === "string" ? (value as Stored) : undefined;
  } catch {
    return undefined;
  }
}

const idIn = (state: unknown): string | undefined => {
  const id = state && typeof state === "object" ? (state as Record<string, unknown>)[ENTRY] : undefined;
  return typeof id === "string" ? id : undefined;
};

const entryId = (): string | undefined => idIn(window.history.state);

/** Where a page of `/buy` (or a quote's checkout) is: its path, cart and step, as one comparable text. */
const placeOf = (path: string, search: string): string => {
  const params = new URLSearchParams(search);
  const step = params.get("step") || "edition";
  return `${path}?${encodeCart(decodeCart(params).cart)}#${step}`;
};

/**
 * The last Back or Forward in this tab, taken from its popstate event: the entry it went to (path,
 * cart and step as its URL read then) and that entry's checkout id. After a refresh, Next.js
 * renders that entry again from the server and, when the render arrives, rewrites the entry's URL
 * and history state (dropping the id), while the wizard already on screen has rewritten the
 * address bar with the latest cart; so the wizard that mounts from that render cannot tell from
 * the address bar or the history state that it is a traversal. The event's state cannot change.
 */
let traversal: { place: string; id: string | undefined } | undefined;
if (typeof window !== "undefined") {
  window.addEventListener("popstate", (event) => {
    traversal = { place: placeOf(window.location.pathname, window.location.search), id: idIn(event.state) };
  });
}

/**
 * The checkout id of the entry a wizard for `cart` at `step` is opened on. Read it while rendering.
 * A render of the entry the last Back or Forward went to (`traversal`) is that entry's; else the
 * current history state's, which Next.js may rewrite before effects run.
 */
export function entryCheckout(cart: CartInput, step: string): string | undefined {
  if (typeof window === "undefined") return undefined;
  const path = window.location.pathname;
  if (traversal && traversal.place === placeOf(path, `${encodeCart(cart)}&step=${step || "edition"}`)) return traversal.id;
  // A client-side navigation to another cart renders before Next.js pushes its history entry, so
  // the state read now may still be the previous page's: it counts only when the address bar
  // already shows the cart being rendered (a Back has moved both), else this is a new visit.
  const shown = encodeCart(decodeCart(new URLSearchParams(window.location.search)).cart);
  return shown === encodeCart(cart) ? entryId() : undefined;
}

/**
 * On opening the wizard on an entry whose checkout id was `id` (from `entryCheckout`): the
 * checkout's latest cart when it differs from `current`, else undefined. The entry is (re)stamped
 * with its checkout's id; an entry of no checkout starts a new one.
 */
export function resumeSessionCart(current: CartInput, id: string | undefined): DecodedCart | undefined {
  // A wizard has opened since the last Back or Forward: that traversal is handled.
  traversal = undefined;
  const last = stored();
  if (id && last?.id === id) {
    stampEntry(id);
    return last.query === encodeCart(current) ? undefined : decodeCart(new URLSearchParams(last.query));
  }
  const fresh = id ?? crypto.randomUUID();
  stampEntry(fresh);
  saveSessionCart(current, fresh);
  return undefined;
}

/** Marks the current history entry as one of this checkout's (after a step is pushed, say). */
export function stampEntry(id = stored()?.id): void {
  if (!id || entryId() === id) return;
  window.history.replaceState({ ...(window.history.state as object | null), [ENTRY]: id }, "", window.location.href);
}

/** Records the checkout's latest cart. */
export function saveSessionCart(cart: CartInput, id = entryId()): void {
  if (!id) return;
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ id, query: encodeCart(cart) } satisfies Stored));
  } catch {
    // Storage denied: the URL still carries the cart.
  }
}
