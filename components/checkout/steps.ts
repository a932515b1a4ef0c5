import { missingConsents } from "@/lib/agreements";
import type { PriceResult } from "@/lib/pricing/types";
import type { CheckoutDraft } from "./use-checkout-draft";

export const STEPS = ["edition", "term", "addons", "agreements", "organisation", "upgrade", "review"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

/** What the steps depend on besides the cart's price. */
export interface StepContext {
  edition: string;
  draft: CheckoutDraft;
  detailsValid: boolean;
  /** The buyer's free organisations, by id (the ones an in-place upgrade may target). */
  freeOrganisationIds: string[];
  /** The buyer's organisations on a paid edition, by id: they are added to from their services, not bought again. */
  paidOrganisationIds?: string[];
  /** Checking out a sales quote: a locked quote skips the configurator steps. */
  quote?: "locked" | "editable";
}

const CONFIGURATOR: readonly Step[] = ["edition", "term", "addons"];

/** Whether a step is part of this checkout at all. */
export function stepApplies(step: Step, ctx: StepContext): boolean {
  if (ctx.quote === "locked" && CONFIGURATOR.includes(step)) return false;
  // A buyer who already has any organisation says what this purchase is for; one without goes straight on.
  return step !== "upgrade" || ctx.freeOrganisationIds.length + (ctx.paidOrganisationIds?.length ?? 0) > 0;
}

/** Whether a step's own inputs are complete and break no rule (a step that does not apply is done). */
export function stepDone(step: Step, result: PriceResult, ctx: StepContext): boolean {
  const { edition, draft, detailsValid } = ctx;
  const clean = (prefix: string) => !result.errors.some((e) => e.path.startsWith(prefix));
  // A skipped step is done, except that a locked quote's cart must still price (the server checks it again).
  if (!stepApplies(step, ctx) && step !== "upgrade") return result.ok;
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
    case "upgrade": {
      const choice = draft.upgrade;
      return (
        !stepApplies("upgrade", ctx) ||
        choice?.method === "new" ||
        (choice?.method === "in-place" && ctx.freeOrganisationIds.includes(choice.organisationId))
      );
    }
    case "review":
      return false;
  }
}

/** The furthest step the buyer may open: every step before it must be done. */
export function reachable(result: PriceResult, ctx: StepContext): number {
  const i = STEPS.findIndex((s) => !stepDone(s, result, ctx));
  return i === -1 ? STEPS.length - 1 : i;
}
