"use client";

import { decodeCart, encodeCart, type DecodedCart } from "@/lib/cart/url";
import type { CartInput } from "@/lib/pricing/types";

/**
 * The latest cart of a checkout, kept in the tab's session. Every history entry of one checkout
 * (its steps, pushed as the buyer moves on) carries the checkout's id in its history state; an
 * entry an older cart was written into (Back after a refresh renders it from its URL) is brought
 * to the latest cart, as Back without a refresh already does. A new visit (a link, a typed URL)
 * has no id and starts from its URL.
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

const entryId = (): string | undefined => {
  const state: unknown = window.history.state;
  const id = state && typeof state === "object" ? (state as Record<string, unknown>)[ENTRY] : undefined;
  return typeof id === "string" ? id : undefined;
};

/**
 * The checkout id of the current history entry. Read it while rendering: on Back after a refresh,
 * Next.js renders the entry again from the server and then rewrites its history state (dropping
 * the id) before effects run.
 */
export function entryCheckout(cart: CartInput): string | undefined {
  if (typeof window === "undefined") return undefined;
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
