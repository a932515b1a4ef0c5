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

/** On opening the wizard: the checkout's latest cart when this entry belongs to it and holds an older one; else undefined (the entry is stamped as a new checkout's). */
export function resumeSessionCart(current: CartInput): DecodedCart | undefined {
  const id = entryId();
  const last = stored();
  if (id && last?.id === id) {
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
