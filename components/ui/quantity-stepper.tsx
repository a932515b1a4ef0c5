"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

interface Props {
  id: string;
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onChange(value: number | undefined): void;
}

/**
 * A number field with − and + buttons. The buttons stop at the allowance; typing is free so a
 * buyer can enter any figure and see exactly which rule it breaks.
 */
export function QuantityStepper({ id, label, value, min, max, disabled, invalid, describedBy, onChange }: Props) {
  const t = useTranslations("Buy");
  const step = (delta: number) => onChange(Math.min(max, Math.max(min, (value ?? min - delta) + delta)));
  return (
    <div className="inline-flex items-center gap-1">
      <Button
        type="button"
        variant="secondary"
        size="icon"
        aria-label={t("decrease", { label })}
        disabled={disabled || (value ?? min) <= min}
        onClick={() => step(-1)}
      >
        −
      </Button>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        min={min}
        max={max}
        step={1}
        disabled={disabled}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value.trim() === "" ? undefined : Number(e.target.value))}
        className="h-9 w-20 rounded-md border border-slate-300 px-2 text-center tabular-nums aria-invalid:border-red-600 disabled:bg-slate-100"
      />
      <Button
        type="button"
        variant="secondary"
        size="icon"
        aria-label={t("increase", { label })}
        disabled={disabled || (value ?? min - 1) >= max}
        onClick={() => step(1)}
      >
        +
      </Button>
    </div>
  );
}
