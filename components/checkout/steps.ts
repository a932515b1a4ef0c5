import { missingFrom, type AgreementVersion } from "@/lib/agreements/consents";
import { catalog, findAddon } from "@/lib/catalog";
import { addonIndex } from "@/lib/pricing/breach";
import type { CartInput, PriceResult, RuleCode, RuleViolation } from "@/lib/pricing/types";
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
  /** Every agreement's id, version and editions (lib/agreements' `agreementVersions()`, from the page). */
  agreements: readonly AgreementVersion[];
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
      return missingFrom(ctx.agreements, edition, draft.consents).length === 0;
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

/** Where a problem is fixed: the wizard step and the id of the field to focus there. */
export interface ProblemTarget {
  step: Step;
  /** An element id (or, for the voucher, an input name); undefined when the step has no single field for it. */
  field?: string;
}

/** The id of the element a cart path's field has in the configurator. */
export function fieldIdFor(path: string, cart: CartInput): string | undefined {
  if (path === "edition") return "edition-group";
  if (path === "seats") return "seats";
  if (path === "term") return "term-count";
  if (path === "voucher") return "voucher";
  const i = addonIndex(path);
  const line = cart.addons[i];
  if (!line) return undefined;
  const addon = findAddon(catalog, line.sku);
  // A line whose sku is not sold self-serve is listed apart from the catalog's rows, with its errors.
  if (!addon) return `addon-${i}-errors`;
  const row = `addon-${addon.sku}-${i}`;
  return path.endsWith(".term") && addon.prices.once === undefined ? `${row}-term` : row;
}

/** The step a cart path belongs to. */
export function stepOfPath(path: string): Step {
  if (path === "edition" || path === "seats") return "edition";
  if (path === "term") return "term";
  if (path.startsWith("addons")) return "addons";
  return "review";
}

// Breaches an earlier step shows too (where the buyer's change caused them): the place to go when the owning step is not open yet.
const ALSO_AT: Partial<Record<RuleCode, ProblemTarget>> = {
  LARGE_MEETING_EXCEEDS_SEATS: { step: "edition", field: "seats" },
  WEBINAR_EXCEEDS_SEATS: { step: "edition", field: "seats" },
  ADDON_TERM_EXCEEDS_SEATS_TERM: { step: "term", field: "term-count" },
  BILLING_UNIT_NOT_SOLD: { step: "term", field: "term-count" },
};

/**
 * Where the summary's link for a problem leads: its own field on its own step, or, while that step
 * cannot be opened yet (an earlier one is unfinished), the earlier field that shows it too, or else
 * the furthest step the buyer may open.
 */
export function problemTarget(error: Pick<RuleViolation, "code" | "path">, cart: CartInput, furthest: number): ProblemTarget {
  const own: ProblemTarget = { step: stepOfPath(error.path), field: fieldIdFor(error.path, cart) };
  if (STEPS.indexOf(own.step) <= furthest) return own;
  const also = error.path.startsWith("addons") ? ALSO_AT[error.code] : undefined;
  if (also && STEPS.indexOf(also.step) <= furthest) return also;
  return { step: STEPS[furthest]! };
}
