"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { catalog } from "@/lib/catalog";
import { fixesFor, salesLead } from "@/lib/cart/fixes";
import { nameOf } from "@/lib/pricing/messages";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";
import { Button } from "@/components/ui/button";

/** One broken rule's repairs: a link to sales when only sales can sell it, and the one-click fixes. */
export function FieldFixes({ error, cart, onFix }: { error: RuleViolation; cart: CartInput; onFix(cart: CartInput): void }) {
  const t = useTranslations("Buy.fix");
  const tBuy = useTranslations("Buy");
  const locale = useLocale();
  const lead = salesLead(error, cart, catalog);
  return (
    <>
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
    </>
  );
}
