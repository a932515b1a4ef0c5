"use client";

import { useLocale, useMessages } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import type { PriceResult, VoucherTerms } from "@/lib/pricing/types";

/** The voucher the buyer applied at review, and the price with it: one result for the summary and the review card alike. */
export interface VoucherState {
  terms: VoucherTerms | null;
  setTerms(terms: VoucherTerms | null): void;
  /** The listed price with the voucher applied by the same module as the server (which looks it up again). */
  result: PriceResult;
}

type ApplyVoucher = typeof import("@/lib/pricing/voucher").applyVoucher;
// The voucher module (with the discount wording) is not part of /buy's first load: it is fetched once a voucher
// is applied (the review step, whose chunk already holds it, so the import resolves at once there).
let loaded: ApplyVoucher | undefined;
const load = () => import("@/lib/pricing/voucher").then((m) => (loaded = m.applyVoucher));

/** Fetches the voucher module ahead of its use (the review step calls it as it opens). */
export const preloadVoucherPricing = () => void load();

/** Holds the checked voucher terms above the wizard's steps, so the summary beside them prices them too. */
export function useVoucher(listed: PriceResult): VoucherState {
  const locale = useLocale();
  const messages = useMessages();
  const [terms, setTerms] = useState<VoucherTerms | null>(null);
  const [apply, setApply] = useState<ApplyVoucher | undefined>(() => loaded);
  useEffect(() => {
    if (!terms || apply) return;
    let live = true;
    void load().then((fn) => live && setApply(() => fn));
    return () => {
      live = false;
    };
  }, [terms, apply]);
  const applyNow = apply ?? loaded;
  const result = useMemo(
    () => (terms && applyNow ? applyNow(listed, terms, { locale, messages: messages.Pricing }) : listed),
    [listed, terms, applyNow, locale, messages],
  );
  return { terms, setTerms, result };
}
