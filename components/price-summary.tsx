"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { compareAmounts, formatMoney } from "@/lib/money";
import type { PriceResult } from "@/lib/pricing/types";
import { PriceAdjustments } from "./price-adjustments";
import { Button } from "@/components/ui/button";
import { SummaryEmpty, SummaryProblems, type SummaryProblem } from "./summary-problems";

// Below `lg` the summary is a bar fixed to the bottom of the screen: the total stays in view on every
// step, and "show" opens the lines above it. globals.css keeps the page's end clear of the bar.
const docked =
  "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:max-h-[75dvh] max-lg:overflow-y-auto max-lg:rounded-none max-lg:border-x-0 max-lg:border-b-0 max-lg:px-4 max-lg:py-3 max-lg:shadow-[0_-4px_16px_rgb(15_23_42/0.12)]";

/**
 * The live price: every line with its formula, any voucher or discount as its own line, the total and
 * the annual saving; the problems to fix, each a link to its field when the page passes `problems`
 * (the checkout wizard does).
 */
export function PriceSummary({ result, problems }: { result: PriceResult; problems?: SummaryProblem[] }) {
  const t = useTranslations("Summary");
  const [open, setOpen] = useState(false);
  const savings = compareAmounts(result.monthly.savings, "0") > 0;
  // What the docked bar shows only when opened.
  const detail = open ? "" : "max-lg:hidden";
  return (
    <section aria-labelledby="summary-title" className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${docked}`}>
      <div className="flex items-center justify-between">
        <h2 id="summary-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <Button
          type="button"
          variant="link"
          size="inline"
          className="lg:hidden"
          aria-expanded={open}
          aria-controls="summary-lines"
          onClick={() => setOpen(!open)}
        >
          {open ? t("hide") : t("show")}
        </Button>
      </div>
      <div id="summary-lines" className={`${open ? "block" : "hidden"} lg:block`}>
        {result.lines.length === 0 ? (
          <SummaryEmpty result={result} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {result.lines.map((line) => (
              <li key={`${line.sku}-${line.index ?? "seats"}`} className="py-2 text-sm">
                <div className="flex justify-between gap-3">
                  <span className="font-medium">{line.name}</span>
                  <span className="tabular-nums">{formatMoney(line.amount)}</span>
                </div>
                <p className="text-xs text-slate-600 tabular-nums">{line.formula}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <PriceAdjustments result={result} subtotalLabel={t("subtotal")} className={`mt-3 pt-3 ${detail}`} />
      <dl className="mt-3 border-t border-slate-200 pt-3 max-lg:mt-2 max-lg:pt-2" aria-live="polite">
        <div className="flex items-baseline justify-between">
          <dt className="font-medium">{result.ok ? t("total") : t("totalIncomplete")}</dt>
          <dd className="text-2xl font-bold whitespace-nowrap tabular-nums max-lg:text-xl" data-testid="summary-total">
            {result.ok || result.lines.length > 0 ? formatMoney(result.total) : t("noTotal")}
          </dd>
        </div>
        {savings && (
          <div className={`mt-1 text-sm text-emerald-700 ${detail}`}>
            <dt className="sr-only">{t("monthlyWouldBe", { amount: formatMoney(result.monthly.total) })}</dt>
            <dd>{t("saves", { amount: formatMoney(result.monthly.savings) })}</dd>
          </div>
        )}
      </dl>
      <SummaryProblems result={result} problems={problems} />
      <p className={`mt-3 text-xs text-slate-500 ${detail}`}>
        {t("taxNote")} · {t("catalog", { version: result.catalogVersion })}
      </p>
    </section>
  );
}
