"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { catalog } from "@/lib/catalog";
import { fixesFor, salesLead } from "@/lib/cart/fixes";
import { nameOf } from "@/lib/pricing/messages";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";
import { Button } from "@/components/ui/button";

interface Props {
  id: string;
  errors: RuleViolation[];
  cart: CartInput;
  onFix(cart: CartInput): void;
}

/** The rules a field breaks, in words, each with its one-click repairs. */
export function FieldErrors({ id, errors, cart, onFix }: Props) {
  const t = useTranslations("Buy.fix");
  const tBuy = useTranslations("Buy");
  const locale = useLocale();
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="mt-2 space-y-2">
      {errors.map((error) => {
        const lead = salesLead(error, cart, catalog);
        return (
          <li
            key={`${error.code}-${error.path}`}
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            data-code={error.code}
          >
            <p>{error.message}</p>
            {lead && (
              <Link href={lead.href} className="mr-2 mt-2 inline-block text-xs font-medium text-red-900 underline">
                {lead.seats !== undefined
                  ? tBuy("contactSalesSeats", { item: nameOf(catalog, lead.item, locale), seats: lead.seats })
                  : tBuy("contactSalesFor", { item: nameOf(catalog, lead.item, locale) })}
              </Link>
            )}
            {fixesFor(error, cart, catalog).map((fix) => (
              <Button
                key={fix.key}
                type="button"
                onClick={() => onFix(fix.cart)}
                className="mr-2 mt-2 rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-medium text-red-900 hover:bg-red-100"
              >
                {t(fix.key, {
                  ...fix.values,
                  ...(typeof fix.values.edition === "string" ? { edition: nameOf(catalog, fix.values.edition, locale) } : {}),
                })}
              </Button>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
