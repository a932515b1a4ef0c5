"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";

interface Props {
  id: string;
  errors: RuleViolation[];
  cart: CartInput;
  onFix(cart: CartInput): void;
}

type Fixes = typeof import("./field-fixes").FieldFixes;
// The repairs (lib/cart/fixes) are not part of a page's first load: they are fetched when a rule is first
// broken (or the buyer first touches the wizard) and shown beside the words as soon as they are here. Until
// then — and in the server's HTML, whose buttons would need this code to work — each error shows its words.
let loaded: Fixes | undefined;
let loading: Promise<Fixes> | undefined;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
/** Fetches the repairs' code ahead of the first broken rule. */
export function prefetchFixes() {
  loading ??= import("./field-fixes").then(
    (m) => {
      loaded = m.FieldFixes;
      for (const listener of listeners) listener();
      return m.FieldFixes;
    },
    (error: unknown) => {
      loading = undefined; // the next broken rule tries again
      throw error;
    },
  );
  void loading.catch(() => undefined);
}

/** The rules a field breaks, in words, each with its one-click repairs. */
export function FieldErrors({ id, errors, cart, onFix }: Props) {
  const FieldFixes = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => undefined,
  );
  const broken = errors.length > 0;
  useEffect(() => {
    if (broken) prefetchFixes();
  }, [broken]);
  if (!broken) return null;
  return (
    <ul id={id} className="mt-2 space-y-2">
      {errors.map((error) => (
        <li
          key={`${error.code}-${error.path}`}
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-code={error.code}
        >
          <p>{error.message}</p>
          {FieldFixes && <FieldFixes error={error} cart={cart} onFix={onFix} />}
        </li>
      ))}
    </ul>
  );
}
