import { createTranslator } from "use-intl/core";
import { selfServeEditionsFor, type Catalog, type Locale } from "@/lib/catalog";
import type { Breach } from "./rules";
import type { RuleViolation, Term } from "./types";
import type zhCN from "@/messages/zh-CN.json";

/** The `Pricing` namespace of the message files: rule messages and formula words. */
export type PricingMessages = (typeof zhCN)["Pricing"];

type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new WeakMap<PricingMessages, Translate>();

/** A translator for the pricing namespace, cached per message object. */
export function pricingTranslator(locale: Locale, messages: PricingMessages): Translate {
  let t = translators.get(messages);
  if (!t) {
    const tr = createTranslator({ locale, messages: { Pricing: messages }, namespace: "Pricing" });
    t = (key, values) => (tr as unknown as Translate)(key, values);
    translators.set(messages, t);
  }
  return t;
}

/** Names a catalog id (edition or add-on) in the buyer's language, falling back to the id itself. */
export function nameOf(catalog: Catalog, id: string, locale: Locale): string {
  const item =
    catalog.editions.find((e) => e.id === id) ??
    catalog.addons.find((a) => a.sku === id) ??
    catalog.salesOnlyAddons.find((a) => a.sku === id);
  return item ? item.name[locale] : id;
}

/** "1 yr", "2 yrs", "6 mo" — or the Chinese equivalents. */
export function termLabel(t: Translate, term: Term): string {
  return t(`term.${term.unit}`, { count: term.count });
}

/** Puts a breach into words in the buyer's language. */
export function describeBreach(breach: Breach, catalog: Catalog, locale: Locale, t: Translate): RuleViolation {
  const { termMonths: m, termYears: y, maxLineQuantity } = catalog.rules;
  // Bounds come from the catalog, so a breach found without it (the URL codec) reads the same.
  const bounds = { minMonths: m.min, maxMonths: m.max, minYears: y.min, maxYears: y.max, max: maxLineQuantity };
  const values: Record<string, string | number> = { ...bounds, ...breach.params };
  for (const key of ["item", "edition", "suggestion"] as const) {
    const id = breach.params[key];
    if (typeof id === "string" && id) values[key] = nameOf(catalog, id, locale);
  }
  if (typeof breach.params.unit === "string") values.unit = t(`billingUnit.${breach.params.unit}`);
  if (breach.code === "ADDON_NOT_AVAILABLE") {
    const addon = catalog.addons.find((a) => a.sku === breach.params.item);
    values.editions = (addon ? selfServeEditionsFor(catalog, addon) : []).map((e) => e.name[locale]).join(t("or"));
  }
  if (breach.code === "SEATS_OUT_OF_RANGE" && breach.variant !== "noSeats") values.hasSuggestion = breach.params.suggestion ? "yes" : "no";
  const key = breach.variant ? `rules.${breach.code}_${breach.variant}` : `rules.${breach.code}`;
  return { code: breach.code, path: breach.path, params: breach.params, message: t(key, values) };
}
