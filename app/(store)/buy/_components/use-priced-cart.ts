"use client";

import { useLocale, useMessages } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { catalog, type Locale } from "@/lib/catalog";
import { encodeCart, type DecodedCart } from "@/lib/cart/url";
import { priceCart, type PricingMessages } from "@/lib/pricing";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";

/**
 * The configurator's state: the cart, priced in the browser on every change by the same
 * module the server uses, and mirrored into the URL so refresh, back and sharing keep it.
 */
export function usePricedCart(initial: DecodedCart, step: string) {
  const locale = useLocale() as Locale;
  const messages = useMessages() as unknown as { Pricing: PricingMessages };
  const [cart, setCartState] = useState(initial.cart);
  // A link's unreadable values stay reported until the buyer edits that field.
  const [codecErrors, setCodecErrors] = useState(initial.errors);
  const result = useMemo(
    () => priceCart(cart, catalog, { locale, messages: messages.Pricing, breaches: codecErrors }),
    [cart, codecErrors, locale, messages],
  );
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.history.replaceState(window.history.state, "", buyUrl(cart, step));
  }, [cart, step]);

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

/** The `/buy` link of a cart at a wizard step (the first step is the default and is left out). */
export function buyUrl(cart: CartInput, step: string): string {
  return `/buy?${encodeCart(cart)}${step && step !== "edition" ? `&step=${step}` : ""}`;
}
export type ConfiguratorState = ReturnType<typeof usePricedCart>;
