"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { findPlacedOrderAction } from "@/lib/actions/find-placed-order";
import type { CheckoutDraft } from "./use-checkout-draft";

interface PlacedOrderOptions {
  draft: CheckoutDraft;
  /** Whether the tab's draft has been read (not the server's empty one). */
  ready: boolean;
  signedIn: boolean;
  /** The cart's URL query (`encodeCart`), remembered with the order. */
  cart: string;
  update(patch: Partial<CheckoutDraft>): void;
  retire(): void;
}

/**
 * A checkout whose key already produced an order goes to that order: right after placing it, after
 * a refresh while it was being placed (the server is asked whether the key has an order), and
 * the draft's key is retired once the buyer has left for it, so the next checkout is a new one.
 */
export function usePlacedOrder({ draft, ready, signedIn, cart, update, retire }: PlacedOrderOptions) {
  const router = useRouter();
  const placed = draft.placed;
  // Placed by this very page (the review step's answer) rather than found on opening the wizard.
  const placedHere = useRef(false);
  const pushed = useRef<string | null>(null);
  useEffect(() => {
    if (!placed || pushed.current === placed.orderUrl) return;
    // Found on opening, and this tab was already sent there once: a later visit, which starts a new checkout.
    if (!placedHere.current && placed.redirected) return retire();
    pushed.current = placed.orderUrl;
    if (!placedHere.current) update({ placed: { ...placed, redirected: true } });
    router.push(placed.orderUrl);
  }, [placed, retire, update, router]);
  // Leaving the wizard for the order: the next checkout in this tab gets a new key.
  useEffect(() => () => retire(), [retire]);

  const asked = useRef<string | null>(null);
  const key = draft.idempotencyKey;
  const submittable = draft.consents.length > 0 && draft.details !== undefined;
  useEffect(() => {
    if (!ready || !signedIn || placed || !submittable || asked.current === key) return;
    asked.current = key;
    void findPlacedOrderAction(key).then((found) => {
      if (found.ok && found.orderUrl) update({ placed: { orderUrl: found.orderUrl, cart } });
    });
  }, [ready, signedIn, placed, submittable, key, cart, update]);

  /** The review step placed the order under this draft's key. */
  const onPlaced = useCallback(
    (orderUrl: string) => {
      placedHere.current = true;
      update({ placed: { orderUrl, cart } });
    },
    [cart, update],
  );
  return onPlaced;
}

/** In place of the steps while the placed order opens: never the form again, emptied or not. */
export function OpeningOrder({ orderUrl }: { orderUrl: string }) {
  const t = useTranslations("Wizard");
  return (
    <p role="status" className="rounded-xl border border-slate-200 bg-white p-5">
      {t("openingOrder")}{" "}
      <Link href={orderUrl} className="text-brand-700 underline">
        {t("viewPlacedOrder")}
      </Link>
    </p>
  );
}
