"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { placeMembershipOrderAction } from "@/lib/actions/place-membership-order";
import { formatFen } from "@/lib/money";
import { AgreeField, FormError, type ShownAgreement } from "./agree-field";

/** Give 1, 3 or 12 months of the gift tier to a mobile number, with an optional message. */
export function GiftForm(p: { terms: { months: number; priceFen: number }[]; agreements: ShownAgreement[]; idempotencyKey: string }) {
  const t = useTranslations("Membership");
  const [state, action, pending] = useActionState(placeMembershipOrderAction, null);
  const [months, setMonths] = useState(p.terms[0]!.months);
  // Controlled, so a refused submit (React resets a form after its action) keeps what was typed.
  const [phone, setPhone] = useState("");
  const [message, setMessage] = useState("");
  const price = p.terms.find((x) => x.months === months)?.priceFen ?? 0;
  return (
    <form action={action} className="mt-3 space-y-4" aria-labelledby="gift-title" noValidate>
      <input type="hidden" name="type" value="gift" />
      <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
      <div>
        <label htmlFor="gift-phone" className="block text-sm font-medium">
          {t("gift.phone")}
        </label>
        <input
          id="gift-phone"
          name="phone"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          aria-describedby="gift-phone-hint"
          className="mt-1 w-full max-w-xs rounded-md border border-slate-300 px-3 py-2"
        />
        <p id="gift-phone-hint" className="mt-1 text-xs text-slate-600">
          {t("gift.phoneHint")}
        </p>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("gift.months")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {p.terms.map((x) => (
            <label key={x.months} className="flex items-center gap-2 text-sm">
              <input type="radio" name="months" value={x.months} checked={x.months === months} onChange={() => setMonths(x.months)} />
              {t("open.monthsOption", { months: x.months })} · {formatFen(x.priceFen)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="gift-message" className="block text-sm font-medium">
          {t("gift.message")}
        </label>
        <textarea
          id="gift-message"
          name="message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={200}
          rows={2}
          className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <AgreeField id="gift-agree" agreements={p.agreements} />
      <FormError error={state && !state.ok ? state.error : undefined} />
      <Button type="submit" disabled={pending}>
        {t("gift.pay", { total: formatFen(price) })}
      </Button>
    </form>
  );
}
