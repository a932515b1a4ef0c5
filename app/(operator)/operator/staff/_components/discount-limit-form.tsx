"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { setDiscountLimitAction } from "@/lib/actions/set-discount-limit";
import { setDiscountLimitSchema, type SetDiscountLimitResult } from "@/lib/validations/staff";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

/** The message key explaining why a save failed, if it did. */
function errorKey(state: SetDiscountLimitResult | null): string | undefined {
  if (!state || state.ok) return undefined;
  if (state.error !== "INVALID") return `Staff.errors.${state.error}`;
  return state.fieldErrors.discountLimitPercent?.[0] ?? "Staff.errors.generic";
}

/** One sales account's discount limit, changed in place; works before the page hydrates too. */
export function DiscountLimitForm({ id, name, percent }: { id: string; name: string; percent: number }) {
  const t = useTranslations("Staff.limit");
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState(setDiscountLimitAction, null);
  const [localError, setLocalError] = useState<string>();
  const [, startTransition] = useTransition();
  const inputId = `limit-${id}`;
  const error = localError ?? errorKey(state);

  // Checked here first by the action's own schema; dispatching in a transition keeps what was typed
  // (a plain form action would reset the field).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = setDiscountLimitSchema.safeParse(Object.fromEntries(data));
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? "Staff.errors.generic");
    setLocalError(undefined);
    startTransition(() => action(data));
  };

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={inputId} className="sr-only">
        {t("label", { name })}
      </label>
      <input
        id={inputId}
        name="discountLimitPercent"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        defaultValue={percent}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 tabular-nums aria-invalid:border-red-600"
      />
      <Button type="submit" disabled={pending} variant="outline" size="sm">
        {pending ? t("saving") : t("save")}
      </Button>
      <p role="status" className="basis-full text-xs text-green-800 empty:hidden">
        {state?.ok && !localError && !pending ? t("saved", { name, percent: state.percent }) : null}
      </p>
      {error && (
        <p id={`${inputId}-error`} className="basis-full text-xs text-red-700">
          {translateKnown(tRoot, [error], "Staff.errors.generic")}
        </p>
      )}
    </form>
  );
}
