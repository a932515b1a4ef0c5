"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { placeMembershipOrderAction } from "@/lib/actions/place-membership-order";
import { formatFen } from "@/lib/money";
import { AgreeField, FormError, type ShownAgreement } from "./agree-field";

export interface UpgradeChoice {
  id: string;
  name: string;
  listMonthFen: number;
  pricePerMonthFen: number;
}

/** Upgrade the largest running membership: target tier, whole months (1 … max), the price explained. */
export function UpgradeForm(p: {
  fromName: string;
  paidMonthFen: number;
  maxMonths: number;
  targets: UpgradeChoice[];
  agreements: ShownAgreement[];
  idempotencyKey: string;
}) {
  const t = useTranslations("Membership.upgrade");
  const [state, action, pending] = useActionState(placeMembershipOrderAction, null);
  const [tierId, setTierId] = useState(p.targets[0]!.id);
  const [months, setMonths] = useState(1);
  const target = p.targets.find((x) => x.id === tierId) ?? p.targets[0]!;
  const total = formatFen(target.pricePerMonthFen * months);
  return (
    <form action={action} className="mt-3 space-y-4" aria-labelledby="upgrade-title">
      <input type="hidden" name="type" value="upgrade" />
      <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
      <fieldset>
        <legend className="text-sm font-medium">{t("target")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {p.targets.map((x) => (
            <label key={x.id} className="flex items-center gap-2 text-sm">
              <input type="radio" name="tier" value={x.id} checked={x.id === tierId} onChange={() => setTierId(x.id)} />
              {x.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="upgrade-months" className="block text-sm font-medium">
          {t("months")}
        </label>
        <select
          id="upgrade-months"
          name="months"
          value={months}
          onChange={(e) => setMonths(Number(e.target.value))}
          className="mt-1 rounded-md border border-slate-300 px-3 py-2"
        >
          {Array.from({ length: p.maxMonths }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-800" data-testid="upgrade-price">
        <p>
          {t("explain", {
            list: formatFen(target.listMonthFen),
            tier: target.name,
            paid: formatFen(p.paidMonthFen),
            price: formatFen(target.pricePerMonthFen),
          })}
        </p>
        <p className="font-medium">{t("total", { months, price: formatFen(target.pricePerMonthFen), total })}</p>
      </div>
      <AgreeField id="upgrade-agree" agreements={p.agreements} />
      <FormError error={state && !state.ok ? state.error : undefined} />
      <Button type="submit" disabled={pending}>
        {t("pay", { total })}
      </Button>
    </form>
  );
}
