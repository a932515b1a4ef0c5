"use client";

import type { DecodedCart } from "@/lib/cart/url";
import { PriceSummary } from "@/components/price-summary";
import { EditionField } from "./edition-field";
import { TermField } from "./term-field";
import { AddonsField } from "./addons-field";
import { usePricedCart } from "./use-priced-cart";

/** Edition, seats, term and add-ons beside a live price summary. */
export function Configurator({ initial }: { initial: DecodedCart }) {
  const state = usePricedCart(initial);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <form className="space-y-6" onSubmit={(e) => e.preventDefault()}>
        <EditionField {...state} />
        <TermField {...state} />
        <AddonsField {...state} />
      </form>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <PriceSummary result={state.result} />
      </aside>
    </div>
  );
}

export type ConfiguratorState = ReturnType<typeof usePricedCart>;
