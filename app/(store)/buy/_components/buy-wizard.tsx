"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { findEdition, catalog } from "@/lib/catalog";
import type { DecodedCart } from "@/lib/cart/url";
import { PriceSummary } from "@/components/price-summary";
import { educationOrganisationStepSchema, organisationStepSchema } from "@/lib/validations/checkout";
import { AddonsField } from "./addons-field";
import { AgreementsStep } from "./agreements-step";
import { EditionField } from "./edition-field";
import { OrganisationStep } from "./organisation-step";
import { ReviewStep } from "./review-step";
import { isStep, reachable, STEPS, stepDone, type Step } from "./steps";
import { TermField } from "./term-field";
import { useCheckoutDraft } from "./use-checkout-draft";
import { buyUrl, usePricedCart } from "./use-priced-cart";

export interface Buyer {
  email: string;
}

/** The purchase flow: one step at a time, the price beside it, every step reachable again with nothing lost. */
export function BuyWizard({ initial, buyer }: { initial: DecodedCart; buyer: Buyer | null }) {
  const t = useTranslations("Wizard");
  const params = useSearchParams();
  const asked = params.get("step");
  const state = usePricedCart(initial, isStep(asked) ? asked : "edition");
  const { draft, update, reset } = useCheckoutDraft();
  const education = findEdition(catalog, state.cart.edition)?.verification ?? false;
  const detailsValid = (education ? educationOrganisationStepSchema : organisationStepSchema).safeParse(draft.details ?? {}).success;
  const furthest = reachable(state.result, state.cart.edition, draft, detailsValid);
  // A link may name a later step than the cart allows yet: show the first step still to do.
  const step: Step = isStep(asked) && STEPS.indexOf(asked) <= furthest ? asked : STEPS[Math.min(furthest, STEPS.indexOf(isStep(asked) ? asked : "edition"))]!;
  const index = STEPS.indexOf(step);
  const go = (to: Step) => {
    window.history.pushState(null, "", buyUrl(state.cart, to));
    document.getElementById("step-heading")?.focus();
  };
  const done = stepDone(step, state.result, state.cart.edition, draft, detailsValid);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-5">
        <nav aria-label={t("steps")}>
          <ol className="flex flex-wrap gap-2 text-sm">
            {STEPS.map((s, i) => (
              <li key={s}>
                <button
                  type="button"
                  disabled={i > furthest}
                  aria-current={s === step ? "step" : undefined}
                  onClick={() => go(s)}
                  className="rounded-full border border-slate-300 bg-white px-3 py-1 aria-[current=step]:border-brand-700 aria-[current=step]:bg-brand-700 aria-[current=step]:text-white disabled:opacity-50"
                >
                  {i + 1}. {t(`step.${s}`)}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <h2 id="step-heading" tabIndex={-1} className="text-xl font-semibold outline-none">
          {t(`step.${step}`)} <span className="text-sm font-normal text-slate-500">{t("stepOf", { n: index + 1, total: STEPS.length })}</span>
        </h2>
        {step === "edition" && <EditionField {...state} />}
        {step === "term" && <TermField {...state} />}
        {step === "addons" && <AddonsField {...state} />}
        {step === "agreements" && <AgreementsStep edition={state.cart.edition} draft={draft} update={update} />}
        {step === "organisation" && <OrganisationStep cart={state.cart} buyer={buyer} draft={draft} update={update} education={education} onDone={() => go("review")} />}
        {step === "review" && <ReviewStep cart={state.cart} result={state.result} draft={draft} reset={reset} />}
        {step !== "review" && (
          <div className="flex items-center justify-between">
            {index > 0 ? (
              <button type="button" onClick={() => go(STEPS[index - 1]!)} className="rounded-lg border border-slate-300 bg-white px-4 py-2">
                {t("back")}
              </button>
            ) : (
              <span />
            )}
            {step !== "organisation" && (
              <div className="text-right">
                {!done && <p className="mb-2 text-sm text-slate-600">{t("fixFirst")}</p>}
                <button type="button" disabled={!done} onClick={() => go(STEPS[index + 1]!)} className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-50">
                  {t("continue")}
                </button>
              </div>
            )}
          </div>
        )}
        {step === "review" && (
          <button type="button" onClick={() => go("organisation")} className="rounded-lg border border-slate-300 bg-white px-4 py-2">
            {t("back")}
          </button>
        )}
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <PriceSummary result={state.result} />
      </aside>
    </div>
  );
}
