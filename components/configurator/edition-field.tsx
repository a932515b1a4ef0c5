"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { catalog, type Edition } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { setSeats } from "@/lib/cart/edit";
import { choosingEdition, isStartBreach } from "@/lib/cart/url";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import type { ConfiguratorState } from "./use-priced-cart";
import { FieldErrors } from "./field-errors";
import { useEditionSwitch } from "./use-seat-memory";

const card =
  "flex cursor-pointer flex-col rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600";

/**
 * Which editions the field offers: the store sells the self-serve ones; a sales quote may also
 * carry the contact-sales editions; a buyer editing a quote keeps the quoted edition.
 */
export type EditionChoice = "store" | "quote" | "fixed";

const offered = (choice: EditionChoice) =>
  choice === "quote" ? catalog.editions.filter((e) => e.sales !== "signup") : catalog.editions.filter((e) => e.sales !== "contact-sales");

export function EditionField({ cart, setCart, errorsAt, choice = "store" }: ConfiguratorState & { choice?: EditionChoice }) {
  const t = useTranslations("Buy");
  const locale = useLocale();
  const switchEdition = useEditionSwitch();
  const edition = catalog.editions.find((e) => e.id === cart.edition);
  // No edition yet is the start state: a prompt to choose, not an error.
  const start = choosingEdition(cart);
  const editionErrors = errorsAt("edition").filter((e) => !isStartBreach(e));
  const describedBy = [start ? "edition-prompt" : "", editionErrors.length ? "edition-errors" : ""].filter(Boolean).join(" ");
  // Lowering seats under the add-ons breaks a rule on a later step: say so here, where it happened.
  const seatErrors = [
    ...errorsAt("seats"),
    ...errorsAt("addons").filter((e) => e.code === "LARGE_MEETING_EXCEEDS_SEATS" || e.code === "WEBINAR_EXCEEDS_SEATS"),
  ];
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      {choice === "fixed" ? (
        <p>
          <span className="text-lg font-semibold">{t("edition")}</span>: {edition?.name[locale]}{" "}
          <span className="text-sm text-slate-600">{t("editionFixed")}</span>
        </p>
      ) : (
        <fieldset id="edition-group" aria-describedby={describedBy || undefined}>
          <legend className="text-lg font-semibold">{t("edition")}</legend>
          {start && (
            <p id="edition-prompt" className="mt-1 text-sm text-slate-700">
              {t("chooseEdition")}
            </p>
          )}
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {offered(choice).map((e) => (
              <label key={e.id} className={card}>
                <span className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="edition"
                    value={e.id}
                    checked={cart.edition === e.id}
                    onChange={() => setCart(switchEdition(cart, e.id), "edition")}
                  />
                  <span className="font-medium">{e.name[locale]}</span>
                </span>
                <EditionPrice edition={e} />
                <span className="ml-6 text-sm text-slate-600">{e.tagline[locale]}</span>
              </label>
            ))}
          </div>
          {choice === "store" && (
            <p className="mt-3 text-sm text-slate-600">
              {t("contactSalesNote")}{" "}
              <Link href="/contact-sales" className="text-brand-700 underline">
                {t("contactSales")}
              </Link>
            </p>
          )}
          <FieldErrors id="edition-errors" errors={editionErrors} cart={cart} onFix={(c) => setCart(c, "edition")} />
        </fieldset>
      )}
      {edition?.seats && (edition.sales !== "contact-sales" || choice !== "store") && (
        <div>
          <label htmlFor="seats" className="block font-medium">
            {t("seats")}
          </label>
          <p id="seats-help" className="text-sm text-slate-600">
            {edition.seats.max === null
              ? t("seatsHelpOpen", { edition: edition.name[locale], min: edition.seats.min })
              : t("seatsHelp", { edition: edition.name[locale], min: edition.seats.min, max: edition.seats.max })}
          </p>
          <div className="mt-2">
            <QuantityStepper
              id="seats"
              label={t("seats")}
              value={cart.seats}
              min={edition.seats.min}
              max={edition.seats.max ?? catalog.rules.maxLineQuantity}
              invalid={seatErrors.length > 0}
              describedBy={seatErrors.length ? "seats-help seats-errors" : "seats-help"}
              onChange={(v) => setCart(setSeats(cart, v), "seats")}
            />
          </div>
          <FieldErrors id="seats-errors" errors={seatErrors} cart={cart} onFix={(c) => setCart(c, "seats")} />
        </div>
      )}
    </section>
  );
}

/** The list price beside an edition's name, so a buyer chooses knowing what a seat costs. */
function EditionPrice({ edition }: { edition: Edition }) {
  const t = useTranslations("Buy");
  const { year, month } = edition.prices;
  const price = (v: string) => formatMoney(v, { compact: true });
  const text =
    edition.sales === "signup"
      ? t("editionFree")
      : edition.sales === "contact-sales"
        ? t("editionCustom")
        : [year && t("editionPerSeatYear", { price: price(year) }), month && t("editionPerSeatMonth", { price: price(month) })]
            .filter(Boolean)
            .join(" · ");
  return <span className="ml-6 text-sm font-semibold text-slate-800 tabular-nums">{text}</span>;
}
