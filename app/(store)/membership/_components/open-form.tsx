"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { placeMembershipOrderAction } from "@/lib/actions/place-membership-order";
import { formatFen } from "@/lib/money";
import { AgreeField, FormError, type ShownAgreement } from "./agree-field";

export interface TierChoice {
  id: string;
  name: string;
  meetingSize: number;
  monthFen: number;
  /** The tier is running: buying it extends its expiry. */
  running: boolean;
}

/** Open or buy again: tier, term (1–12 months) and continuous monthly, agreements, then the provider's page. */
export function OpenForm(p: {
  tiers: TierChoice[];
  maxMonths: number;
  agreements: ShownAgreement[];
  idempotencyKey: string;
  defaultTier?: string;
}) {
  const t = useTranslations("Membership");
  const [state, action, pending] = useActionState(placeMembershipOrderAction, null);
  const [tierId, setTierId] = useState(p.defaultTier ?? p.tiers[0]!.id);
  const [months, setMonths] = useState(1);
  const [autoRenew, setAutoRenew] = useState(false);
  const tier = p.tiers.find((x) => x.id === tierId) ?? p.tiers[0]!;
  const total = formatFen(tier.monthFen * months);
  return (
    <form action={action} className="mt-3 space-y-4" aria-labelledby="open-title">
      <input type="hidden" name="type" value="open" />
      <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
      <fieldset>
        <legend className="text-sm font-medium">{t("open.tier")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {p.tiers.map((x) => (
            <label
              key={x.id}
              className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-700"
            >
              <input type="radio" name="tier" value={x.id} checked={x.id === tierId} onChange={() => setTierId(x.id)} className="mt-1" />
              <span>
                <span className="block font-medium">{x.name}</span>
                <span className="block text-sm text-slate-700">{t("perMonth", { price: formatFen(x.monthFen) })}</span>
                <span className="block text-xs text-slate-600">{t("meetingSize", { size: x.meetingSize })}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="open-months" className="block text-sm font-medium">
          {t("open.months")}
        </label>
        <select
          id="open-months"
          name="months"
          value={months}
          onChange={(e) => setMonths(Number(e.target.value))}
          className="mt-1 rounded-md border border-slate-300 px-3 py-2"
        >
          {Array.from({ length: p.maxMonths }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t("open.monthsOption", { months: n })}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input
          id="open-auto-renew"
          type="checkbox"
          name="autoRenew"
          checked={autoRenew}
          onChange={(e) => setAutoRenew(e.target.checked)}
          className="mt-1 size-4"
        />
        <label htmlFor="open-auto-renew">{t("open.autoRenew")}</label>
      </div>
      {tier.running && <p className="text-sm text-slate-700">{t("open.extends", { tier: tier.name })}</p>}
      <p className="text-xs text-slate-600">{t("open.termRule")}</p>
      <AgreeField id="open-agree" agreements={p.agreements} />
      <FormError error={state && !state.ok ? state.error : undefined} />
      <Button type="submit" disabled={pending}>
        {t("open.pay", { total })}
      </Button>
    </form>
  );
}
