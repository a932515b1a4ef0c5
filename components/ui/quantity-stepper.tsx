"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { parseTypedQuantity, stepQuantity } from "./typed-quantity";

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
 * buyer can enter any figure and see exactly which rule it breaks. While the buyer types, the
 * field shows their own text and commits it only once it is a whole number (`parseTypedQuantity`);
 * leaving the field shows the committed value again.
 */
export function QuantityStepper({ id, label, value, min, max, disabled, invalid, describedBy, onChange }: Props) {
  const t = useTranslations("Buy");
  // The text being typed, or null to show the committed value.
  const [typed, setTyped] = useState<string | null>(null);
  const step = (delta: 1 | -1) => {
    setTyped(null);
    onChange(stepQuantity(value, delta, min, max));
  };
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
        value={typed ?? value ?? ""}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = parseTypedQuantity(e.target.value);
          if (next !== undefined && next !== value) onChange(next);
        }}
        onBlur={() => setTyped(null)}
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
