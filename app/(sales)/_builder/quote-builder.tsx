"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { AddonsField } from "@/components/configurator/addons-field";
import { EditionField } from "@/components/configurator/edition-field";
import { TermField } from "@/components/configurator/term-field";
import { usePricedCart, type Pricer } from "@/components/configurator/use-priced-cart";
import { PriceSummary } from "@/components/price-summary";
import { TextField } from "@/components/ui/text-field";
import { issueQuoteAction } from "@/lib/actions/issue-quote";
import { catalog } from "@/lib/catalog";
import { encodeCart, type DecodedCart } from "@/lib/cart/url";
import { formatMoney, isAmount, PRICE_DIGITS } from "@/lib/money";
import type { CartInput, RuleViolation } from "@/lib/pricing/types";
import { allowsNegotiatedPrice, isNegotiable, needsApproval } from "@/lib/quotes/approval";
import { priceQuote } from "@/lib/quotes/price";
import type { IssueQuoteResult } from "@/lib/quotes/issue";
import { quoteTermsSchema, type QuoteTermsForm } from "@/lib/validations/quote";

type QuoteTerms = z.output<typeof quoteTermsSchema>;
import { Button, buttonVariants } from "@/components/ui/button";

interface Props {
  initial: DecodedCart;
  defaults: QuoteTermsForm;
  /** The rep's own discount limit in percent (the server reads it again). */
  limitPercent: number;
  /** Revising an existing quote: its id and number. */
  revising?: { id: string; number: string };
}

const input = "mt-1 block h-10 w-full rounded-md border border-slate-300 px-3 aria-invalid:border-red-600";

/**
 * The sales quote builder: the store's own configurator (every edition, including the ones sold
 * through sales), the quote's terms beside it, and the quoted price live as the rep types.
 */
export function QuoteBuilder({ initial, defaults, limitPercent, revising }: Props) {
  const t = useTranslations("Quotes.builder");
  const form = useForm<QuoteTermsForm, unknown, QuoteTerms>({
    resolver: zodResolver(quoteTermsSchema),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const [discount, negotiated] = useWatch({ control: form.control, name: ["discountPercent", "negotiatedSeatPrice"] });
  // Half-typed values ("1.", "") price as no discount until they parse; the form reports them.
  const discountPercent = isAmount(discount ?? "", { digits: 2 }) ? (discount as string) : "0";
  const seatPrice = typeof negotiated === "string" && isAmount(negotiated, { digits: PRICE_DIGITS }) ? negotiated : null;
  const price = useCallback<Pricer>(
    (cart, options) =>
      priceQuote({ cart, discountPercent, negotiatedSeatPrice: isNegotiable(cart.edition) ? seatPrice : null }, catalog, options),
    [discountPercent, seatPrice],
  );
  const urlFor = useCallback((cart: CartInput) => `${window.location.pathname}?${encodeCart(cart)}`, []);
  const state = usePricedCart(initial, "", { price, urlFor });
  const { cart } = state;
  const negotiable = isNegotiable(cart.edition);
  const approval = needsApproval({
    discountPercent,
    repLimitPercent: limitPercent,
    negotiatedSeatPrice: negotiable ? seatPrice : null,
    edition: cart.edition,
    seats: cart.seats,
  });
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<IssueQuoteResult | null>(null);
  const [ruleErrors, setRuleErrors] = useState<RuleViolation[]>([]);

  const send = (draft: boolean) =>
    form.handleSubmit((values) =>
      startTransition(async () => {
        setRuleErrors([]);
        const result = await issueQuoteAction({
          ...values,
          negotiatedSeatPrice: negotiable ? values.negotiatedSeatPrice : "",
          cart,
          draft,
          ...(revising ? { quoteId: revising.id } : {}),
        });
        if (!result.ok && result.error === "INVALID") {
          for (const [field, keys] of Object.entries(result.fieldErrors)) {
            if (field in defaults && keys?.[0]) form.setError(field as keyof QuoteTermsForm, { message: keys[0] }, { shouldFocus: true });
          }
        }
        if (!result.ok && result.error === "CART_INVALID") setRuleErrors(result.ruleErrors);
        setOutcome(result);
      }),
    );

  if (outcome?.ok) return <Issued result={outcome} />;
  const field = (
    name: "customerName" | "customerEmail" | "discountPercent" | "negotiatedSeatPrice" | "expiresOn",
    label: string,
    props: Omit<React.ComponentProps<typeof TextField>, "id" | "label" | "registration">,
  ) => (
    <TextField
      id={`quote-${name}`}
      label={label}
      registration={form.register(name)}
      error={form.formState.errors[name]?.message}
      {...props}
    />
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-5">
        <EditionField {...state} choice="quote" />
        <TermField {...state} />
        <AddonsField {...state} />
        <form
          onSubmit={send(false)}
          noValidate
          className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
          aria-labelledby="quote-terms"
        >
          <h2 id="quote-terms" className="text-lg font-semibold">
            {t("terms")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {field("customerName", t("customerName"), { autoComplete: "organization" })}
            {field("customerEmail", t("customerEmail"), { type: "email", autoComplete: "email" })}
            {field("discountPercent", t("discountPercent"), { inputMode: "decimal", hint: t("discountHelp", { limit: limitPercent }) })}
            {negotiable &&
              field("negotiatedSeatPrice", t(cart.term.unit === "month" ? "negotiatedSeatPriceMonth" : "negotiatedSeatPriceYear"), {
                inputMode: "decimal",
                hint: t("negotiatedHelp"),
              })}
            {field("expiresOn", t("expiresOn"), { type: "date", hint: t("expiresHelp") })}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("buyerMayEdit")} />
            {t("buyerMayEdit")}
          </label>
          <div>
            <label htmlFor="quote-note" className="block text-sm font-medium">
              {t("note")}
            </label>
            <textarea
              id="quote-note"
              rows={3}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              {...form.register("note")}
            />
          </div>
          {approval && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {negotiable && seatPrice !== null ? t("approvalNegotiated") : t("approvalDiscount", { limit: limitPercent })}
            </p>
          )}
          {negotiable && !allowsNegotiatedPrice(cart.edition, cart.seats) && (
            <p className="text-sm text-slate-600">{t("negotiatedMinSeats")}</p>
          )}
          {outcome && !outcome.ok && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p>{t(`errors.${outcome.error}`)}</p>
              {ruleErrors.length > 0 && (
                <ul className="list-disc pl-5">
                  {ruleErrors.map((e) => (
                    <li key={`${e.code}-${e.path}`}>{e.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-center justify-between gap-4 border-t border-slate-200 pt-4">
            <span className="text-lg font-semibold whitespace-nowrap tabular-nums">{formatMoney(state.result.total)}</span>
            <span className="flex flex-wrap gap-2">
              <Button type="button" disabled={pending} onClick={send(true)} variant="secondary">
                {t("saveDraft")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending
                  ? t("issuing")
                  : revising
                    ? t("issueRevision", { number: revising.number })
                    : approval
                      ? t("submitForApproval")
                      : t("issue")}
              </Button>
            </span>
          </div>
        </form>
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <PriceSummary result={state.result} />
      </aside>
    </div>
  );
}

/** After issuing: the link, shown this once (only its hash is stored), ready to copy; a draft has none. */
function Issued({ result }: { result: Extract<IssueQuoteResult, { ok: true }> }) {
  const t = useTranslations("Quotes.builder");
  const link = result.path && `${window.location.origin}${result.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="quote-issued" className="space-y-4 rounded-xl border border-emerald-200 bg-white p-5">
      <h2 id="quote-issued" className="text-xl font-semibold" tabIndex={-1}>
        {link ? t("issued", { number: result.number, version: result.version }) : t("draftSaved", { number: result.number })}
      </h2>
      <p role="status">
        {!link
          ? t("draftNoLink")
          : result.status === "pending_approval"
            ? t("issuedPending")
            : t("issuedSent", { total: formatMoney(result.total) })}
      </p>
      {link && (
        <div>
          <label htmlFor="quote-link" className="block text-sm font-medium">
            {t("link")}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="quote-link"
              readOnly
              value={link}
              className={`${input} font-mono text-xs`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              className="shrink-0"
              onClick={() =>
                void navigator.clipboard?.writeText(link).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="mt-1 text-xs text-slate-600">{t("linkOnce")}</p>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Link href={`/sales/quotes/${result.quoteId}`} className={buttonVariants()}>
          {t("view")}
        </Link>
        <Link href="/sales/quotes/new" className={buttonVariants({ variant: "secondary" })}>
          {t("another")}
        </Link>
      </div>
    </section>
  );
}
