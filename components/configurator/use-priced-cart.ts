"use client";

import { useLocale, useMessages } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { catalog } from "@/lib/catalog";
import { encodeCart, type DecodedCart } from "@/lib/cart/url";
import { priceCart, type PriceOptions } from "@/lib/pricing";
import type { CartInput, PriceResult, RuleViolation } from "@/lib/pricing/types";
import { entryCheckout, resumeSessionCart, saveSessionCart, stampEntry } from "./session-cart";

/**
 * The configurator's state: the cart, priced in the browser on every change by the same
 * module the server uses, and mirrored into the URL so refresh, back and sharing keep it.
 */
export function usePricedCart(initial: DecodedCart, step: string, options: PricedCartOptions = {}) {
  const locale = useLocale();
  const messages = useMessages();
  const [cart, setCartState] = useState(initial.cart);
  // A link's unreadable values stay reported until the buyer edits that field.
  const [codecErrors, setCodecErrors] = useState(initial.errors);
  const { price = listPrice, urlFor = buyUrl, resume = false } = options;
  const result = useMemo(
    () => price(cart, { locale, messages: messages.Pricing, breaches: codecErrors }),
    [price, cart, codecErrors, locale, messages],
  );
  // Before the first paint: an entry of this checkout that holds an older cart shows the latest one.
  const [checkoutId] = useState(() => (resume ? entryCheckout(initial.cart, step) : undefined));
  useLayoutEffect(() => {
    if (!resume) return;
    const latest = resumeSessionCart(initial.cart, checkoutId);
    if (latest) {
      // Read from the tab's session, which the server render cannot see: set once, before the first paint.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setCartState(latest.cart);
      setCodecErrors(latest.errors);
      // The address bar shows it from the same paint (Next.js has just written this render's older URL).
      window.history.replaceState(window.history.state, "", urlFor(latest.cart, step));
    }
    // Only on opening: later changes are saved below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A Back or Forward already under way (the page is at another step than this render's): leave that entry's URL alone.
    const at = new URLSearchParams(window.location.search).get("step") ?? "";
    if ((at || "edition") !== (step || "edition")) return;
    window.history.replaceState(window.history.state, "", urlFor(cart, step));
    if (resume) {
      stampEntry();
      saveSessionCart(cart);
    }
  }, [cart, step, urlFor, resume]);

  const setCart = useCallback((next: CartInput, touched?: string) => {
    setCartState(next);
    setCodecErrors((errors) => (touched === undefined ? [] : errors.filter((e) => !e.path.startsWith(touched))));
  }, []);

  const errorsAt = useCallback(
    (prefix: string): RuleViolation[] =>
      result.errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`)),
    [result],
  );
  return { cart, setCart, result, errorsAt };
}

/** How a configurator prices and where it keeps its URL; the store's own by default. */
export interface PricedCartOptions {
  /** Prices the cart; keep the function stable (module scope or useCallback). */
  price?: Pricer;
  /** The page URL for a cart at a step; keep it stable too. */
  urlFor?: (cart: CartInput, step: string) => string;
  /** A multi-step checkout: Back to an earlier step, after a refresh too, keeps the latest cart (`session-cart.ts`). */
  resume?: boolean;
}
export type Pricer = (cart: CartInput, options: PriceOptions) => PriceResult;

const listPrice: Pricer = (cart, options) => priceCart(cart, catalog, options);

/** The `/buy` link of a cart at a wizard step (the first step is the default and is left out). */
export function buyUrl(cart: CartInput, step: string): string {
  return `/buy?${encodeCart(cart)}${step && step !== "edition" ? `&step=${step}` : ""}`;
}
export type ConfiguratorState = ReturnType<typeof usePricedCart>;
