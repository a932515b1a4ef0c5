"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { agreementsFor } from "@/lib/agreements";
import { placeOrderAction, type PlaceOrderActionResult } from "@/lib/actions/place-order";
import { InvoiceDetails } from "@/components/invoice-details";
import { PriceAdjustments } from "@/components/price-adjustments";
import { formatMoney } from "@/lib/money";
import { needsVerification } from "@/lib/orders/payability";
import type { CartInput, PriceResult } from "@/lib/pricing/types";
import type { CheckoutDraft } from "./use-checkout-draft";
import { preloadVoucherPricing, useVoucher, type VoucherState } from "./use-voucher";
import { VoucherField } from "./voucher-field";
import type { FreeOrganisation } from "./upgrade-step";
import { Button } from "@/components/ui/button";

interface Props {
  cart: CartInput;
  result: PriceResult;
  draft: CheckoutDraft;
  /** The buyer's free organisations, to name the one an in-place upgrade targets. */
  organisations: FreeOrganisation[];
  /** The order exists: the wizard takes the buyer to it (the draft's key is retired once they are there). */
  onPlaced(orderUrl: string): void;
  /** Saves the voucher code into the checkout draft. */
  update(patch: Partial<CheckoutDraft>): void;
  /** Checking out a sales quote: its link token goes with the order; no voucher on top of its discount. */
  quoteToken?: string;
  /** The wizard's voucher state, shared with its price summary; without it the step keeps its own. */
  voucher?: VoucherState;
}

/** The last look before the order: everything entered, and one button that places the order once. */
export function ReviewStep({ cart, result: listed, draft, organisations, onPlaced, update, quoteToken, voucher: shared }: Props) {
  const t = useTranslations("Checkout");
  const tSummary = useTranslations("Summary");
  const locale = useLocale();
  // The same module as the server applies the voucher; the server looks it up again and re-prices.
  const own = useVoucher(listed);
  useEffect(preloadVoucherPricing, []);
  const { terms: voucher, setTerms: setVoucher, result } = shared ?? own;
  const voucherError = result.errors.find((e) => e.path === "voucher");
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Exclude<PlaceOrderActionResult, { ok: true }> | null>(null);
  const details = draft.details;
  // Upgrading in place keeps the organisation's name (the server records it on the order); the typed one is not used.
  const choice = draft.upgrade;
  const upgraded = choice?.method === "in-place" ? organisations.find((o) => o.id === choice.organisationId) : undefined;
  const typedName = details?.organisation.organisationName;
  const place = () =>
    startTransition(async () => {
      setFailure(null);
      const outcome = await placeOrderAction({
        idempotencyKey: draft.idempotencyKey,
        cart,
        expectedTotal: result.total,
        consents: draft.consents.map(({ agreementId, version }) => ({ agreementId, version })),
        organisation: details?.organisation,
        invoice: details?.invoice,
        ...(details?.education ? { education: details.education } : {}),
        ...(draft.upgrade ? { upgrade: draft.upgrade } : {}),
        ...(voucher && !quoteToken ? { voucher: voucher.code } : {}),
        ...(quoteToken ? { quoteToken } : {}),
      });
      if (!outcome.ok) return setFailure(outcome);
      // Not a new key yet: a refresh before the order page opens must still find this order, not an emptied form.
      onPlaced(outcome.orderUrl);
    });
  return (
    <section aria-labelledby="step-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <p className="text-sm text-slate-600">{t("reviewIntro")}</p>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("reviewOrg")}</dt>
          <dd>
            {upgraded?.name ?? details?.organisation.organisationName} · {details?.organisation.contactName} ·{" "}
            {details?.organisation.mobile} · {details?.organisation.email}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t("reviewInvoice")}</dt>
          <dd>
            <InvoiceDetails invoice={details?.invoice} atReview testId="review-invoice" />
          </dd>
        </div>
        {details?.education && needsVerification(cart.edition) && (
          <div className="sm:col-span-2">
            <dt className="font-medium">{t("reviewEducation")}</dt>
            <dd>
              {details.education.institutionName} · {t(`institutionTypes.${details.education.institutionType}`)} ·{" "}
              {t("reviewProof", { name: details.education.proofFileName })}
            </dd>
          </div>
        )}
        {draft.upgrade && (
          <div className="sm:col-span-2">
            <dt className="font-medium">{t("reviewUpgrade")}</dt>
            <dd>
              {draft.upgrade.method === "new" ? t("reviewUpgradeNew") : t("reviewUpgradeInPlace", { name: upgraded?.name ?? "" })}
              {upgraded && (
                <span className="block text-slate-600">
                  {t("upgradeKeepsName", { name: upgraded.name })}
                  {typedName && typedName !== upgraded.name && <> {t("upgradeNameNotUsed", { typed: typedName })}</>}
                </span>
              )}
            </dd>
          </div>
        )}
        <div className="sm:col-span-2">
          <dt className="font-medium">{t("reviewAgreements")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {agreementsFor(cart.edition).map((a) => (
                <li key={a.id}>
                  {a.title[locale]} ({a.version})
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="border-t border-slate-200 pt-4">
        <h3 className="font-medium">{t("reviewLines")}</h3>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {result.lines.map((line) => (
            <li key={`${line.sku}-${line.index ?? "seats"}`} className="py-2">
              <div className="flex justify-between gap-3">
                <span>{line.name}</span>
                <span className="whitespace-nowrap tabular-nums">{formatMoney(line.amount)}</span>
              </div>
              <p className="text-xs text-slate-600 tabular-nums">{line.formula}</p>
            </li>
          ))}
        </ul>
      </div>
      {!quoteToken && (
        <div className="border-t border-slate-200 pt-4">
          <VoucherField
            code={draft.voucher}
            subtotal={listed.subtotal}
            onChange={(code, terms) => {
              setVoucher(terms);
              update({ voucher: code });
            }}
          />
          {voucherError && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {voucherError.message}
            </p>
          )}
        </div>
      )}
      <PriceAdjustments result={result} subtotalLabel={t("voucher.subtotal")} className="pt-4" />
      {failure && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>
            {failure.error === "RATE_LIMITED"
              ? failure.message
              : t(`errors.${failure.error}`, { total: failure.error === "PRICE_CHANGED" ? formatMoney(failure.total) : "" })}
          </p>
          {failure.error === "CART_INVALID" && (
            <ul className="list-disc pl-5">
              {failure.ruleErrors.map((e) => (
                <li key={`${e.code}-${e.path}`}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <dl className="flex items-baseline gap-2">
          <dt className="font-medium">{tSummary("total")}</dt>
          <dd className="text-lg font-semibold whitespace-nowrap tabular-nums" data-testid="review-total">
            {formatMoney(result.total)}
          </dd>
        </dl>
        <Button type="button" onClick={place} disabled={pending || !result.ok} aria-disabled={pending} size="lg">
          {pending ? t("placing") : t("place")}
        </Button>
      </div>
    </section>
  );
}
