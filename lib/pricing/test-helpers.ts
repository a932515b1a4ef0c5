import { catalog as defaultCatalog, type Catalog, type Locale } from "@/lib/catalog";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { priceCart } from "./price";
import type { CartInput, TermInput } from "./types";

/** Prices a cart with the shipped catalog and messages (tests and benchmarks). */
export function price(cart: CartInput, locale: Locale = "en", catalog: Catalog = defaultCatalog) {
  return priceCart(cart, catalog, { locale, messages: (locale === "en" ? en : zhCN).Pricing });
}

export const y = (count: number): TermInput => ({ unit: "year", count });
export const m = (count: number): TermInput => ({ unit: "month", count });
