"use client";

import { useLocale, useMessages } from "next-intl";
import { useMemo, useState } from "react";
import type { PriceResult, VoucherTerms } from "@/lib/pricing/types";
import { applyVoucher } from "@/lib/pricing/voucher";

/** The voucher the buyer applied at review, and the price with it: one result for the summary and the review card alike. */
export interface VoucherState {
  terms: VoucherTerms | null;
  setTerms(terms: VoucherTerms | null): void;
  /** The listed price with the voucher applied by the same module as the server (which looks it up again). */
  result: PriceResult;
}

/** Holds the checked voucher terms above the wizard's steps, so the summary beside them prices them too. */
export function useVoucher(listed: PriceResult): VoucherState {
  const locale = useLocale();
  const messages = useMessages();
  const [terms, setTerms] = useState<VoucherTerms | null>(null);
  const result = useMemo(
    () => (terms ? applyVoucher(listed, terms, { locale, messages: messages.Pricing }) : listed),
    [listed, terms, locale, messages],
  );
  return { terms, setTerms, result };
}
