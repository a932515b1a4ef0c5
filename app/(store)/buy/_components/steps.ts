import { missingConsents } from "@/lib/agreements";
import type { PriceResult } from "@/lib/pricing/types";
import type { CheckoutDraft } from "./use-checkout-draft";

export const STEPS = ["edition", "term", "addons", "agreements", "organisation", "review"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

/** Whether a step's own inputs are complete and break no rule. */
export function stepDone(step: Step, result: PriceResult, edition: string, draft: CheckoutDraft, detailsValid: boolean): boolean {
  const clean = (prefix: string) => !result.errors.some((e) => e.path.startsWith(prefix));
  switch (step) {
    case "edition":
      return edition !== "" && clean("edition") && clean("seats");
    case "term":
      return clean("term");
    case "addons":
      return clean("addons");
    case "agreements":
      return missingConsents(edition, draft.consents).length === 0;
    case "organisation":
      return detailsValid;
    case "review":
      return false;
  }
}

/** The furthest step the buyer may open: every step before it must be done. */
export function reachable(result: PriceResult, edition: string, draft: CheckoutDraft, detailsValid: boolean): number {
  const i = STEPS.findIndex((s) => !stepDone(s, result, edition, draft, detailsValid));
  return i === -1 ? STEPS.length - 1 : i;
}
