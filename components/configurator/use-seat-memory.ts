"use client";

import { useCallback } from "react";
import { catalog } from "@/lib/catalog";
import { rememberSeats, setEdition, type SeatMemory } from "@/lib/cart/edit";
import type { CartInput } from "@/lib/pricing/types";

// Kept in the tab's session beside the checkout draft, so a refresh or Back remembers it too.
const KEY = "quorum.seats.v1";

function read(): SeatMemory {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

/**
 * Switching editions: the seats of the edition being left are remembered, and the edition being
 * entered gets the buyer's own figure back when it is still valid there (business 30 → pro → business is 30).
 */
export function useEditionSwitch(): (cart: CartInput, edition: string) => CartInput {
  return useCallback((cart, edition) => {
    const memory = rememberSeats(read(), cart, catalog);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(memory));
    } catch {
      // Storage full or denied: the switch still works, only without memory beyond this page.
    }
    return setEdition(cart, edition, catalog, memory);
  }, []);
}
