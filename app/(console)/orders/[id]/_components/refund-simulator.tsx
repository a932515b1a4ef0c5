"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** One day of the simulator, worded on the server by the same rule the refund uses. */
export interface SimulatedDayView {
  day: number;
  date: string;
  text: string;
}

/** "What if I ask on another day?": pick a day up to the last eligible one (and the first one past it) and see the outcome. */
export function RefundSimulator({ days }: { days: SimulatedDayView[] }) {
  const t = useTranslations("Refunds.simulator");
  const id = useId();
  const [chosen, setChosen] = useState(days[0]?.day ?? 1);
  const current = days.find((d) => d.day === chosen) ?? days[0];
  if (!current) return null;
  return (
    <fieldset className="space-y-2 rounded-md bg-slate-50 p-3">
      <legend className="font-medium">{t("title")}</legend>
      <label htmlFor={id} className="mr-2">
        {t("label")}
      </label>
      <select
        id={id}
        value={chosen}
        onChange={(e) => setChosen(Number(e.target.value))}
        className="rounded border border-slate-300 px-2 py-1"
      >
        {days.map((d) => (
          <option key={d.day} value={d.day}>
            {t("day", { date: d.date, day: d.day })}
          </option>
        ))}
      </select>
      <p role="status" data-testid="refund-simulated">
        {current.text}
      </p>
      <p className="text-xs text-slate-600">{t("sameAmount")}</p>
    </fieldset>
  );
}
