"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { catalog, findAddon, selfServeEditionsFor, type Addon } from "@/lib/catalog";
import { allowedTerms } from "@/lib/cart/allowed-terms";
import { lineAllowance, setLineQuantity, setLineTerm } from "@/lib/cart/edit";
import { decodeTerm, encodeTerm } from "@/lib/cart/url";
import { formatMoney } from "@/lib/money";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import type { ConfiguratorState } from "./use-priced-cart";
import { FieldErrors } from "./field-errors";

export function AddonsField(state: ConfiguratorState) {
  const t = useTranslations("Buy");
  const locale = useLocale();
  const { cart } = state;
  const strays = cart.addons.map((l, i) => ({ l, i })).filter(({ l }) => !findAddon(catalog, l.sku));
  return (
    <section className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="addons-title">
      <div>
        <h2 id="addons-title" className="text-lg font-semibold">
          {t("addons")}
        </h2>
        <p className="text-sm text-slate-600">{t("addonsIntro")}</p>
      </div>
      {catalog.families.map((family) => (
        <fieldset key={family.id} className="border-t border-slate-100 pt-4">
          <legend className="font-medium">{family.name[locale]}</legend>
          <p className="text-sm text-slate-600">{family.description[locale]}</p>
          <ul className="mt-2 space-y-3">
            {catalog.addons
              .filter((a) => a.family === family.id)
              .map((addon) => (
                <AddonRows key={addon.sku} addon={addon} state={state} />
              ))}
          </ul>
          {catalog.salesOnlyAddons.some((a) => a.family === family.id) && (
            <p className="mt-2 text-sm text-slate-600">
              {t("bigWebinar")}{" "}
              <Link
                href={`/contact-sales?addon=${catalog.salesOnlyAddons.find((a) => a.family === family.id)!.sku}`}
                className="text-brand-700 underline"
              >
                {t("bigWebinarLink")}
              </Link>
            </p>
          )}
        </fieldset>
      ))}
      {strays.map(({ l, i }) => (
        <div key={i} className="border-t border-slate-100 pt-4">
          <p className="font-medium">{l.sku}</p>
          <FieldErrors id={`addon-${i}-errors`} errors={state.errorsAt(`addons[${i}]`)} cart={cart} onFix={(c) => state.setCart(c)} />
        </div>
      ))}
    </section>
  );
}

function AddonRows({ addon, state }: { addon: Addon; state: ConfiguratorState }) {
  const t = useTranslations("Buy");
  const locale = useLocale();
  const { cart, setCart, errorsAt } = state;
  const name = addon.name[locale];
  const sold = addon.editions.includes(cart.edition as Addon["editions"][number]);
  const prices = [
    addon.prices.year && t("priceYear", { price: formatMoney(addon.prices.year, { compact: true }) }),
    addon.prices.month && t("priceMonth", { price: formatMoney(addon.prices.month, { compact: true }) }),
    addon.prices.once && t("priceOnce", { price: formatMoney(addon.prices.once, { compact: true }) }),
  ].filter(Boolean);
  const lines = cart.addons.map((line, index) => ({ line, index })).filter(({ line }) => line.sku === addon.sku);
  const rows = lines.length ? lines : [{ line: undefined, index: -1 }];
  return (
    <>
      {rows.map(({ line, index }, ordinal) => {
        const id = `addon-${addon.sku}-${index}`;
        const errors = index >= 0 ? errorsAt(`addons[${index}]`) : [];
        const allowance = lineAllowance(cart, catalog, index, addon.sku);
        const describedBy = [`${id}-info`, errors.length ? `${id}-errors` : ""].filter(Boolean).join(" ");
        return (
          // Keyed by its place among this add-on's rows, not by its cart index: the first key typed into
          // the empty row adds a line (index −1 → n), and the row, with the field being typed in, must stay.
          <li key={ordinal} className={`rounded-lg p-2 ${sold ? "" : "bg-slate-50"}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <span className={`font-medium ${sold ? "" : "text-slate-500"}`}>{name}</span>
                <p id={`${id}-info`} className="text-sm text-slate-600">
                  {prices.join(" · ")}
                  {!sold && (
                    <>
                      {" "}
                      ·{" "}
                      {t("needs", {
                        editions: selfServeEditionsFor(catalog, addon)
                          .map((e) => e.name[locale])
                          .join(" / "),
                      })}
                    </>
                  )}
                  {sold && addon.family !== "phone-pack" && allowance < catalog.rules.maxLineQuantity && (
                    <> · {t("left", { count: Math.max(0, allowance - (line?.quantity ?? 0)) })}</>
                  )}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <QuantityStepper
                  id={id}
                  label={t("quantityOf", { item: name })}
                  value={line?.quantity ?? 0}
                  min={0}
                  max={allowance}
                  disabled={!sold && !line}
                  invalid={errors.length > 0}
                  describedBy={describedBy}
                  onChange={(q) => setCart(setLineQuantity(cart, index, addon.sku, q ?? 0), `addons[${index}]`)}
                />
                {line && !addon.prices.once && <LineTerm addon={addon} index={index} state={state} />}
              </div>
            </div>
            <FieldErrors id={`${id}-errors`} errors={errors} cart={cart} onFix={(c) => setCart(c, `addons[${index}]`)} />
          </li>
        );
      })}
    </>
  );
}

/** A line's own term: only the terms that pass the rules (allowedTerms), plus the current one so a link is never changed silently. */
function LineTerm({ addon, index, state }: { addon: Addon; index: number; state: ConfiguratorState }) {
  const t = useTranslations("Buy");
  const locale = useLocale();
  const { cart, setCart } = state;
  const current = cart.addons[index]?.term;
  const allowed = allowedTerms(cart, index, catalog);
  const options: { unit: string; count: number }[] = [...allowed.terms];
  const value = current ? encodeTerm(current) : "";
  if (current && !options.some((o) => encodeTerm(o) === value)) options.push(current);
  const label = (o: { unit: string; count: number }) =>
    o.unit === "year" ? t("years", { count: o.count }) : t("months", { count: o.count });
  return (
    <select
      id={`addon-${addon.sku}-${index}-term`}
      aria-label={t("termOf", { item: addon.name[locale] })}
      className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
      value={value}
      onChange={(e) => setCart(setLineTerm(cart, index, decodeTerm(e.target.value)), `addons[${index}]`)}
    >
      {(allowed.followSeats || !current) && <option value="">{t("followSeats")}</option>}
      {options.map((o) => (
        <option key={encodeTerm(o)} value={encodeTerm(o)}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
