"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { Consent } from "@/lib/agreements";
import type { OrganisationStep, UpgradeChoice } from "@/lib/validations/checkout";

/** What the buyer enters after the cart, kept in this tab's session so a sign-in or a refresh loses nothing. */
export interface CheckoutDraft {
  idempotencyKey: string;
  consents: (Consent & { acceptedAt: string })[];
  details?: OrganisationStep;
  upgrade?: UpgradeChoice;
  /** A voucher code entered at review; its terms are looked up again on the server. */
  voucher?: string;
  /** This draft's key produced an order: the wizard goes there instead of offering to place it again. */
  placed?: PlacedOrder;
  /** The order the previous checkout in this tab placed. */
  lastOrder?: PlacedOrder;
}

/** An order and the cart it was placed for (its URL query, `encodeCart`). */
export interface PlacedOrder {
  orderUrl: string;
  cart: string;
  /** A wizard opened on this draft has already sent the buyer to the order once. */
  redirected?: boolean;
}

const KEY = "quorum.checkout.v1";
const listeners = new Set<() => void>();
let cache: { raw: string | null; draft: CheckoutDraft } | undefined;

const fresh = (lastOrder?: PlacedOrder): CheckoutDraft => ({
  idempotencyKey: crypto.randomUUID(),
  consents: [],
  ...(lastOrder ? { lastOrder } : {}),
});

function read(): CheckoutDraft {
  const raw = sessionStorage.getItem(KEY);
  if (cache && cache.raw === raw) return cache.draft;
  let draft: CheckoutDraft | undefined;
  try {
    draft = raw ? (JSON.parse(raw) as CheckoutDraft) : undefined;
  } catch {
    draft = undefined;
  }
  if (!draft?.idempotencyKey) {
    // Stored at once: a key that lived only in memory would be a new one after a refresh.
    draft = fresh();
    const stored = JSON.stringify(draft);
    sessionStorage.setItem(KEY, stored);
    cache = { raw: stored, draft };
    return draft;
  }
  cache = { raw, draft };
  return draft;
}

function write(draft: CheckoutDraft) {
  sessionStorage.setItem(KEY, JSON.stringify(draft));
  listeners.forEach((l) => l());
}

// What the server renders (and hydration starts from): the tab's session is not known there yet.
const SERVER_DRAFT: CheckoutDraft = { idempotencyKey: "", consents: [] };

export function useCheckoutDraft() {
  const draft = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => SERVER_DRAFT,
  );
  const update = useCallback((patch: Partial<CheckoutDraft>) => write({ ...read(), ...patch }), []);
  /** Once the buyer has left for the placed order: the next checkout gets a new idempotency key (and remembers that order). */
  const retire = useCallback(() => {
    const { placed } = read();
    if (placed) write(fresh({ orderUrl: placed.orderUrl, cart: placed.cart }));
  }, []);
  /** Whether the tab's draft is read (false while the server's render hydrates). */
  const ready = draft !== SERVER_DRAFT;
  return { draft, update, retire, ready };
}
