"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { isStartBreach } from "@/lib/cart/url";
import type { PriceResult, RuleViolation } from "@/lib/pricing/types";

/** A problem as the summary lists it: where it is fixed (a step's name and a link there) and what to do on click. */
export interface SummaryProblem {
  error: RuleViolation;
  /** The name of the step the link leads to ("Add-ons"). */
  step: string;
  href: string;
  /** Goes to the step and focuses the field, without a page load. */
  onSelect(): void;
}

/** The problems the buyer has to fix: every breach but "no edition chosen yet", which is the start state. */
export function summaryErrors(result: PriceResult): RuleViolation[] {
  return result.errors.filter((e) => !isStartBreach(e));
}

/** What the summary says while no line is priced: choose an edition first, or fix the problems listed. */
export function SummaryEmpty({ result }: { result: PriceResult }) {
  const t = useTranslations("Summary");
  const start = result.errors.some(isStartBreach);
  const message = start ? t("start") : result.ok ? t("freeEdition") : t("nothingPriced");
  return <p className="mt-3 text-sm text-slate-600">{message}</p>;
}

/**
 * "2 problems to fix", and each problem as a link to its field on whichever step it is (when the
 * page gives `problems`); the count stays a status of its own so screen readers hear it change.
 */
export function SummaryProblems({ result, problems }: { result: PriceResult; problems?: SummaryProblem[] }) {
  const t = useTranslations("Summary");
  const errors = summaryErrors(result);
  if (errors.length === 0) return null;
  const follow = (problem: SummaryProblem) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    problem.onSelect();
  };
  return (
    <div className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      <p role="status">{t("problems", { count: errors.length })}</p>
      {problems && problems.length > 0 && (
        <ul aria-label={t("problemsList")} className="mt-1 list-disc space-y-1 pl-5">
          {problems.map((problem) => (
            <li key={`${problem.error.code}-${problem.error.path}`}>
              <a href={problem.href} onClick={follow(problem)} className="text-red-900 underline underline-offset-2">
                {t("problemLink", { step: problem.step, message: problem.error.message })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
