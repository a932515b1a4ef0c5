"use client";

import { useHydrated } from "@/components/use-hydrated";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { catalog } from "@/lib/catalog";
import { choosingEdition, encodeCart, type DecodedCart } from "@/lib/cart/url";
import { requiresVerification } from "@/lib/pricing/editions";
import type { CartInput } from "@/lib/pricing/types";
import { PriceSummary } from "@/components/price-summary";
import { EditionField } from "@/components/configurator/edition-field";
import { prefetchFixes } from "@/components/configurator/field-errors";
import { isStep, problemTarget, reachable, STEPS, stepApplies, stepDone, type Step, type StepContext } from "./steps";
import { summaryErrors, type SummaryProblem } from "@/components/summary-problems";
import type { FreeOrganisation } from "./upgrade-step";
import type { AgreementVersion } from "@/lib/agreements/consents";
import { useCheckoutDraft } from "./use-checkout-draft";
import { useVoucher } from "./use-voucher";
import { OpeningOrder, usePlacedOrder } from "./placed-order";
import { buyUrl, usePricedCart, type Pricer } from "@/components/configurator/use-priced-cart";
import { Button } from "@/components/ui/button";

// Only the first step is part of /buy's first load. The term, add-on, agreements and upgrade steps are
// fetched at the buyer's first touch of the wizard, before "Continue" needs them; the last steps (which carry
// the form library and the schemas) when they open. React.lazy, not next/dynamic: the same chunks without
// next/dynamic's own 2.7 KB gzip of runtime.
const nearSteps = {
  term: () => import("@/components/configurator/term-field"),
  addons: () => import("@/components/configurator/addons-field"),
  agreements: () => import("./agreements-step"),
  upgrade: () => import("./upgrade-step"),
};
const TermField = lazy(() => nearSteps.term().then((m) => ({ default: m.TermField })));
const AddonsField = lazy(() => nearSteps.addons().then((m) => ({ default: m.AddonsField })));
const AgreementsStep = lazy(() => nearSteps.agreements().then((m) => ({ default: m.AgreementsStep })));
const UpgradeStep = lazy(() => nearSteps.upgrade().then((m) => ({ default: m.UpgradeStep })));
const lastSteps = {
  organisation: () => import("./organisation-step"),
  review: () => import("./review-step"),
};
const OrganisationStep = lazy(() => lastSteps.organisation().then((m) => ({ default: m.OrganisationStep })));
const ReviewStep = lazy(() => lastSteps.review().then((m) => ({ default: m.ReviewStep })));
// A link straight to a later step (…&step=addons) fetches that step's code as the page's scripts run, so it
// hydrates with the rest of the page (next/dynamic preloaded it from the server-rendered HTML).
if (typeof window !== "undefined") {
  const asked = new URLSearchParams(window.location.search).get("step");
  const steps: Record<string, () => Promise<unknown>> = { ...nearSteps, ...lastSteps };
  if (asked && Object.hasOwn(steps, asked)) void steps[asked]!().catch(() => undefined);
}
let prefetched = false;
const prefetchSteps = () => {
  if (prefetched) return;
  prefetched = true;
  for (const load of Object.values(nearSteps)) void load().catch(() => (prefetched = false));
  prefetchFixes();
};

/** Tells the wizard its step has rendered (a lazy step only once its code is here). */
function Shown({ step, onShown, children }: { step: Step; onShown(step: Step): void; children: ReactNode }) {
  useEffect(() => onShown(step), [step, onShown]);
  return children;
}

/** Checking out a sales quote: priced on the quote's terms, at the quote's own URL, cart locked unless editable. */
export interface QuoteCheckout {
  token: string;
  editable: boolean;
  price: Pricer;
  urlFor(cart: CartInput, step: string): string;
}

export interface Buyer {
  email: string;
  /** Organisations the buyer owns on the free edition (the upgrade step offers to upgrade them in place). */
  freeOrganisations: FreeOrganisation[];
  /** Organisations the buyer owns on a paid edition (the upgrade step offers "add to this organisation"). */
  paidOrganisations?: FreeOrganisation[];
}

/** The purchase flow: one step at a time, the price beside it, every step reachable again with nothing lost. */
export function BuyWizard({
  initial,
  buyer,
  agreements,
  quote,
}: {
  initial: DecodedCart;
  buyer: Buyer | null;
  /** lib/agreements' `agreementVersions()`: the agreements' texts are not part of the first load. */
  agreements: readonly AgreementVersion[];
  quote?: QuoteCheckout;
}) {
  const t = useTranslations("Wizard");
  const params = useSearchParams();
  const asked = params.get("step");
  const urlFor = quote?.urlFor ?? buyUrl;
  const state = usePricedCart(initial, isStep(asked) ? asked : "", { ...(quote && { price: quote.price, urlFor }), resume: true });
  const { draft, update, retire, ready } = useCheckoutDraft();
  const onPlaced = usePlacedOrder({ draft, ready, signedIn: buyer !== null, cart: encodeCart(state.cart), update, retire });
  // A voucher applied at review prices the summary too: one total everywhere.
  const voucher = useVoucher(state.result);
  const education = requiresVerification(catalog, state.cart.edition);
  // The organisation form saves details only once its schema accepts them (and the server checks them again).
  const detailsValid = draft.details !== undefined && (!education || draft.details.education !== undefined);
  const ctx: StepContext = {
    edition: state.cart.edition,
    draft,
    detailsValid,
    freeOrganisationIds: buyer?.freeOrganisations.map((o) => o.id) ?? [],
    paidOrganisationIds: buyer?.paidOrganisations?.map((o) => o.id) ?? [],
    agreements,
    quote: quote && (quote.editable ? "editable" : "locked"),
  };
  const furthest = reachable(state.result, ctx);
  const steps = STEPS.filter((s) => stepApplies(s, ctx));
  // A link may name a later step than the cart allows yet (or one that does not apply): show the first step still to do.
  const wanted = isStep(asked) && steps.includes(asked) ? asked : steps[0]!;
  const step: Step = STEPS.indexOf(wanted) <= furthest ? wanted : STEPS[furthest]!;
  const index = steps.indexOf(step);
  const go = (to: Step) => {
    window.history.pushState(null, "", urlFor(state.cart, to));
    document.getElementById("step-heading")?.focus();
  };
  const done = stepDone(step, state.result, ctx);
  // The step buttons move through the wizard in the browser: disabled until its code has run, so an early click is not lost.
  const hydrated = useHydrated();
  // A problem's link in the summary opens its step, then focuses its field once that step has rendered.
  const pendingFocus = useRef<{ step: Step; field: string } | undefined>(undefined);
  const [shown, setShown] = useState<Step | undefined>(undefined);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.step !== step || shown !== step) return;
    pendingFocus.current = undefined;
    focusFieldById(pending.field);
  }, [step, shown]);
  const problems: SummaryProblem[] = summaryErrors(state.result).map((error) => {
    const target = problemTarget(error, state.cart, furthest);
    return {
      error,
      step: t(`step.${target.step}`),
      href: `${urlFor(state.cart, target.step)}${target.field ? `#${target.field}` : ""}`,
      onSelect: () => {
        pendingFocus.current = undefined;
        if (target.step === step) {
          if (target.field) focusFieldById(target.field);
          return;
        }
        pendingFocus.current = target.field ? { step: target.step, field: target.field } : undefined;
        go(target.step);
      },
    };
  });
  // A key that already produced an order goes to it; steps after the cart wait for the tab's draft, so a refresh never flashes an emptied step.
  if (draft.placed) return <OpeningOrder orderUrl={draft.placed.orderUrl} />;
  if (!ready && isStep(asked) && STEPS.indexOf(asked) > STEPS.indexOf("addons")) {
    return (
      <p role="status" className="text-slate-600">
        {t("loadingDraft")}
      </p>
    );
  }
  const lastOrder = draft.lastOrder?.cart === encodeCart(state.cart) ? draft.lastOrder : undefined;
  return (
    <div
      className="grid gap-6 lg:grid-cols-[1fr_22rem]"
      onPointerEnter={prefetchSteps}
      onPointerDown={prefetchSteps}
      onFocus={prefetchSteps}
    >
      <div className="space-y-5">
        <nav aria-label={t("steps")}>
          <ol className="flex flex-wrap gap-2 text-sm">
            {steps.map((s, i) => (
              <li key={s}>
                <Button
                  type="button"
                  disabled={!hydrated || STEPS.indexOf(s) > furthest}
                  aria-current={s === step ? "step" : undefined}
                  onClick={() => go(s)}
                  className="rounded-full border border-slate-300 bg-white px-3 py-1 aria-[current=step]:border-brand-700 aria-[current=step]:bg-brand-700 aria-[current=step]:text-white disabled:opacity-50"
                >
                  {i + 1}. {t(`step.${s}`)}
                </Button>
              </li>
            ))}
          </ol>
        </nav>
        {lastOrder && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("alreadyPlaced")}{" "}
            <Link href={lastOrder.orderUrl} className="text-brand-700 underline">
              {t("viewPlacedOrder")}
            </Link>
          </p>
        )}
        <h2 id="step-heading" tabIndex={-1} className="text-xl font-semibold outline-none">
          {t(`step.${step}`)}{" "}
          <span className="text-sm font-normal text-slate-500">{t("stepOf", { n: index + 1, total: steps.length })}</span>
        </h2>
        {/* A boundary per step: the next step's heading and buttons show at once (a click on "Continue" is never
            held back while its code arrives), its fields as soon as they are here. */}
        {/* Disabled until the step's own code has run (its lazy chunk fetched and its part hydrated): a choice made
            before would show in the field but never reach the cart. */}
        <fieldset disabled={shown !== step} className="contents">
          <Suspense key={step} fallback={null}>
            <Shown step={step} onShown={setShown}>
              {step === "edition" && <EditionField {...state} choice={quote ? "fixed" : "store"} />}
              {step === "term" && <TermField {...state} />}
              {step === "addons" && <AddonsField {...state} />}
              {step === "agreements" && <AgreementsStep edition={state.cart.edition} draft={draft} update={update} />}
              {step === "organisation" && (
                <OrganisationStep
                  returnTo={urlFor(state.cart, "organisation")}
                  buyer={buyer}
                  draft={draft}
                  update={update}
                  education={education}
                  onDone={() => go(steps[index + 1]!)}
                />
              )}
              {step === "upgrade" && buyer && (
                <UpgradeStep organisations={buyer.freeOrganisations} paid={buyer.paidOrganisations} draft={draft} update={update} />
              )}
              {step === "review" && (
                <ReviewStep
                  cart={state.cart}
                  result={state.result}
                  draft={draft}
                  organisations={buyer?.freeOrganisations ?? []}
                  onPlaced={onPlaced}
                  update={update}
                  quoteToken={quote?.token}
                  voucher={voucher}
                />
              )}
            </Shown>
          </Suspense>
        </fieldset>
        {step !== "review" && (
          <div className="flex items-center justify-between">
            {index > 0 ? (
              <Button
                type="button"
                disabled={!hydrated}
                onClick={() => go(steps[index - 1]!)}
                className="rounded-lg border border-slate-300 bg-white px-4 py-2"
              >
                {t("back")}
              </Button>
            ) : (
              <span />
            )}
            {step !== "organisation" && (
              <div className="text-right">
                {!done && <p className="mb-2 text-sm text-slate-600">{choosingEdition(state.cart) ? t("chooseFirst") : t("fixFirst")}</p>}
                <Button
                  type="button"
                  disabled={!hydrated || !done}
                  onClick={() => go(steps[index + 1]!)}
                  className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-50"
                >
                  {t("continue")}
                </Button>
              </div>
            )}
          </div>
        )}
        {step === "review" && (
          <Button
            type="button"
            disabled={!hydrated}
            onClick={() => go(steps[index - 1]!)}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2"
          >
            {t("back")}
          </Button>
        )}
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <PriceSummary result={quote ? state.result : voucher.result} problems={problems} />
      </aside>
    </div>
  );
}

/** Focuses a field by id (or, for the voucher, by name); a group focuses its chosen option, or its first. */
function focusFieldById(field: string) {
  const element = document.getElementById(field) ?? document.querySelector<HTMLElement>(`[name="${field}"]`);
  if (!element) return;
  const target =
    element instanceof HTMLFieldSetElement
      ? (element.querySelector<HTMLElement>("input:checked") ?? element.querySelector<HTMLElement>("input, select, button"))
      : element;
  if (target && !target.matches("input, select, textarea, button")) target.tabIndex = -1;
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}
