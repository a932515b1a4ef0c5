"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { checkVoucherAction, type CheckVoucherResult } from "@/lib/actions/check-voucher";
import type { VoucherTerms } from "@/lib/pricing/types";
import { voucherWarnings } from "@/lib/pricing/voucher-warnings";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";

interface Props {
  /** The code kept in the checkout draft, if any. */
  code: string | undefined;
  /** The checked terms, or null when there is no (usable) voucher. */
  onChange(code: string | undefined, terms: VoucherTerms | null): void;
  /** The cart's subtotal before the voucher: with it, a cash voucher worth more than the cart (or than its minimum spend) is warned about. */
  subtotal?: string;
}

/** "代金券 / Voucher": checks a code on the server and hands its terms to the review step; one per order. */
export function VoucherField({ code, onChange, subtotal }: Props) {
  const t = useTranslations("Checkout.voucher");
  const tWarn = useTranslations("OrderStates.voucher");
  const [terms, setTerms] = useState<VoucherTerms | null>(null);
  const id = useId();
  const [text, setText] = useState(code ?? "");
  const [error, setError] = useState<Exclude<CheckVoucherResult, { ok: true }>["error"] | null>(null);
  // A refusal by the voucher limit carries its own message (with the wait), already in the buyer's language.
  const [limitMessage, setLimitMessage] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const checked = useRef(false);
  const check = (value: string) => {
    checked.current = true;
    startTransition(async () => {
      const result = await checkVoucherAction(value);
      if (result.ok) {
        setError(null);
        setApplied(result.voucher.code);
        setTerms(result.voucher);
        onChange(result.voucher.code, result.voucher);
      } else {
        setError(result.error);
        setLimitMessage(result.error === "RATE_LIMITED" ? result.message : null);
        setApplied(null);
        setTerms(null);
        onChange(value, null);
      }
    });
  };
  // A code restored from the draft (a refresh, Back) is checked again: its terms are never stored in the browser.
  useEffect(() => {
    if (checked.current || !code) return;
    check(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the draft had on arrival
  }, [code]);
  const remove = () => {
    setText("");
    setError(null);
    setApplied(null);
    setTerms(null);
    onChange(undefined, null);
  };
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) check(text);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {t("label")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          name="voucher"
          value={text}
          onChange={(e) => setText(e.target.value)}
          readOnly={applied !== null}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
          className="rounded-md border border-slate-300 px-3 py-2 uppercase"
        />
        {applied ? (
          <Button type="button" onClick={remove} variant="secondary">
            {t("remove")}
          </Button>
        ) : (
          <Button type="submit" disabled={pending || !text.trim()} variant="outline">
            {pending ? t("applying") : t("apply")}
          </Button>
        )}
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {applied ? t("applied", { code: applied }) : t("help")}
      </p>
      {terms && subtotal !== undefined && (
        <div aria-live="polite" data-testid="voucher-warnings">
          {voucherWarnings(terms, subtotal).map((w) => (
            <p key={w.code} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {w.code === "COVERS_ALL"
                ? tWarn("coversAll", { face: formatMoney(w.face), subtotal: formatMoney(w.subtotal), rest: formatMoney(w.rest) })
                : tWarn("aboveMinimum", { face: formatMoney(w.face), minimum: formatMoney(w.minimum) })}
            </p>
          ))}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error === "RATE_LIMITED" ? limitMessage : t(`errors.${error}`)}
        </p>
      )}
    </form>
  );
}
