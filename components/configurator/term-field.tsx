"use client";

import { useTranslations } from "next-intl";
import { catalog } from "@/lib/catalog";
import { setTerm } from "@/lib/cart/edit";
import type { TermUnit } from "@/lib/pricing/types";
import type { ConfiguratorState } from "./use-priced-cart";
import { FieldErrors } from "./field-errors";

/** The counts a unit allows: 1–11 months or 1–5 years. */
export function termCounts(unit: TermUnit): number[] {
  const { min, max } = unit === "month" ? catalog.rules.termMonths : catalog.rules.termYears;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export function TermField({ cart, setCart, errorsAt }: ConfiguratorState) {
  const t = useTranslations("Buy");
  // Shortening the term under an add-on's breaks a rule on a later step: say so here too.
  const errors = [
    ...errorsAt("term"),
    ...errorsAt("addons").filter((e) => e.code === "ADDON_TERM_EXCEEDS_SEATS_TERM" || e.code === "BILLING_UNIT_NOT_SOLD"),
  ];
  const unit: TermUnit = cart.term.unit === "month" ? "month" : "year";
  const counts = termCounts(unit);
  const count = counts.includes(cart.term.count) ? cart.term.count : "";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <fieldset aria-describedby={errors.length ? "term-errors" : undefined}>
        <legend className="text-lg font-semibold">{t("term")}</legend>
        <div className="mt-3 flex flex-wrap items-end gap-6">
          <fieldset>
            <legend className="text-sm font-medium">{t("termUnit")}</legend>
            <div className="mt-1 flex gap-4">
              {(["year", "month"] as const).map((u) => (
                <label key={u} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="term-unit"
                    checked={cart.term.unit === u}
                    onChange={() => setCart(setTerm(cart, { unit: u, count: 1 }), "term")}
                  />
                  {u === "year" ? t("yearly") : t("monthly")}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="text-sm font-medium">
            <label htmlFor="term-count">{t("termCount")}</label>
            <select
              id="term-count"
              className="ml-2 h-9 rounded-md border border-slate-300 bg-white px-2"
              value={count}
              aria-invalid={errors.length > 0 || undefined}
              onChange={(e) => setCart(setTerm(cart, { unit, count: Number(e.target.value) }), "term")}
            >
              {count === "" && <option value="">—</option>}
              {counts.map((n) => (
                <option key={n} value={n}>
                  {unit === "year" ? t("years", { count: n }) : t("months", { count: n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FieldErrors id="term-errors" errors={errors} cart={cart} onFix={(c) => setCart(c, "term")} />
      </fieldset>
    </section>
  );
}
