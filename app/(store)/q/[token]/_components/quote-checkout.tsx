"use client";

import { useCallback } from "react";
import { BuyWizard, type Buyer } from "@/components/checkout/buy-wizard";
import type { Pricer } from "@/components/configurator/use-priced-cart";
import type { AgreementVersion } from "@/lib/agreements/consents";
import { catalog as bundled, type Catalog } from "@/lib/catalog";
import { encodeCart, type DecodedCart } from "@/lib/cart/url";
import type { CartInput } from "@/lib/pricing/types";
import { priceQuote } from "@/lib/quotes/price";

interface Props {
  token: string;
  initial: DecodedCart;
  buyer: Buyer | null;
  terms: { reference: string; discountPercent: string; negotiatedSeatPrice: string | null; negotiatedUnit: "year" | "month" };
  editable: boolean;
  /** lib/agreements' `agreementVersions()`. */
  agreements: readonly AgreementVersion[];
  /** The quote's own catalog when it is not the one this bundle carries. */
  catalog?: Catalog;
}

/** The store's checkout, priced on the quote's terms in the browser too (the server prices it again). */
export function QuoteCheckout({ token, initial, buyer, terms, editable, agreements, catalog = bundled }: Props) {
  const price = useCallback<Pricer>((cart, options) => priceQuote({ ...terms, cart }, catalog, options), [catalog, terms]);
  const urlFor = useCallback(
    (cart: CartInput, step: string) =>
      `/q/${token}/checkout?${editable ? `${encodeCart(cart)}&` : ""}${step ? `step=${step}` : ""}`.replace(/[?&]$/, ""),
    [token, editable],
  );
  return <BuyWizard initial={initial} buyer={buyer} agreements={agreements} quote={{ token, editable, price, urlFor }} />;
}
