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
}

const KEY = "quorum.checkout.v1";
const listeners = new Set<() => void>();
let cache: { raw: string | null; draft: CheckoutDraft } | undefined;

function read(): CheckoutDraft {
  const raw = sessionStorage.getItem(KEY);
  if (cache && cache.raw === raw) return cache.draft;
  let draft: CheckoutDraft | undefined;
  try {
    draft = raw ? (JSON.parse(raw) as CheckoutDraft) : undefined;
  } catch {
    draft = undefined;
  }
  draft ??= { idempotencyKey: crypto.randomUUID(), consents: [] };
  cache = { raw, draft };
  return draft;
}

function write(draft: CheckoutDraft) {
  sessionStorage.setItem(KEY, JSON.stringify(draft));
  listeners.forEach((l) => l());
}

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
  /** After an order is placed: the next checkout gets a new idempotency key. */
  const reset = useCallback(() => write({ idempotencyKey: crypto.randomUUID(), consents: [] }), []);
  return { draft, update, reset };
}
