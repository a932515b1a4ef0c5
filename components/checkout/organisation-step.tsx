"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { get, useForm, useWatch, type FieldError, type Path } from "react-hook-form";
import { signInPath } from "@/lib/auth/next-path";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { OrganisationStep as Values } from "@/lib/validations/checkout";
import { INSTITUTION_TYPES, INVOICE_TYPES } from "@/lib/validations/organisation-choices";
import type { Buyer } from "./buy-wizard";
import { ProofUploadField } from "./proof-upload-field";
import type { CheckoutDraft } from "./use-checkout-draft";
import { Button, buttonVariants } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

interface Props {
  /** Where sign-in and sign-up bring the buyer back to: this step of this checkout. */
  returnTo: string;
  buyer: Buyer | null;
  draft: CheckoutDraft;
  education: boolean;
  update(patch: Partial<CheckoutDraft>): void;
  onDone(): void;
}

const input = "mt-1 block h-10 w-full rounded-md border border-slate-300 px-3 aria-invalid:border-red-600";

/** Organisation, contact and invoice details (and the institution for education), checked by the schema the server uses. */
export function OrganisationStep({ returnTo, buyer, draft, education, update, onDone }: Props) {
  const t = useTranslations("Checkout");
  if (!buyer) {
    const here = returnTo;
    return (
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h3 className="text-lg font-semibold">{t("signInTitle")}</h3>
        <p className="text-slate-600">{t("signInBody")}</p>
        <div className="flex gap-3">
          <Link href={signInPath(here)} className={buttonVariants()}>
            {t("signIn")}
          </Link>
          <Link href={signInPath(here).replace("/sign-in", "/sign-up")} className={buttonVariants({ variant: "secondary" })}>
            {t("signUp")}
          </Link>
        </div>
      </section>
    );
  }
  return <DetailsForm buyer={buyer} draft={draft} education={education} update={update} onDone={onDone} />;
}

function DetailsForm({ buyer, draft, education, update, onDone }: Omit<Props, "returnTo" | "buyer"> & { buyer: Buyer }) {
  const t = useTranslations("Checkout");
  const tRoot = useTranslations();
  const tWizard = useTranslations("Wizard");
  const defaults: Values = draft.details ?? {
    organisation: { organisationName: "", contactName: "", mobile: "", email: buyer.email },
    invoice: { type: "none" },
  };
  // The schema the server uses, fetched as the step opens rather than with the page (zod is not part of
  // /buy's first load); the education one asks for more of the same shape, so one form type serves both.
  const resolver = useMemo(
    () =>
      lazyZodResolver<Values, Values>(() =>
        import("@/lib/validations/checkout").then((m) => (education ? m.educationOrganisationStepSchema : m.organisationStepSchema)),
      ),
    [education],
  );
  useEffect(() => void resolver.preload(), [resolver]);
  const [checksUnavailable, setChecksUnavailable] = useState(false);
  const form = useForm<Values>({ resolver, defaultValues: defaults, mode: "onTouched" });
  const { register, handleSubmit, control, formState } = form;
  const invoiceType = useWatch({ control, name: "invoice.type" });
  // A text field of the form, named by its typed path ("organisation.mobile"); its id is "organisation-mobile".
  const field = (path: Path<Values>, label: string, extra: { type?: string; autoComplete?: string; help?: string } = {}) => {
    const id = path.replace(".", "-");
    const error: FieldError | undefined = get(formState.errors, path);
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        {extra.help && (
          <p id={`${id}-help`} className="text-xs text-slate-500">
            {extra.help}
          </p>
        )}
        <input
          id={id}
          type={extra.type ?? "text"}
          autoComplete={extra.autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={[extra.help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          className={input}
          {...register(path)}
        />
        {error?.message && (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {translateKnown(tRoot, [error.message])}
          </p>
        )}
      </div>
    );
  };
  return (
    <form
      noValidate
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-5"
      onSubmit={(event) => {
        setChecksUnavailable(false);
        // The schema's fetch failing (offline) rejects the validation: said at the button, nothing typed is lost.
        handleSubmit((values) => {
          update({ details: values });
          onDone();
        })(event).catch(() => setChecksUnavailable(true));
      }}
    >
      <p className="text-sm text-slate-600">{t("signedInAs", { email: buyer.email })}</p>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("orgTitle")}</legend>
        {field("organisation.organisationName", t("organisationName"), { autoComplete: "organization" })}
        {field("organisation.contactName", t("contactName"), { autoComplete: "name" })}
        {field("organisation.mobile", t("mobile"), { type: "tel", autoComplete: "tel" })}
        {field("organisation.email", t("email"), { type: "email", autoComplete: "email" })}
      </fieldset>
      {education && (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t("educationTitle")}</legend>
          {field("education.institutionName", t("institutionName"))}
          <div>
            <label htmlFor="education-institutionType" className="block text-sm font-medium">
              {t("institutionType")}
            </label>
            <select id="education-institutionType" className={input} {...register("education.institutionType")}>
              {INSTITUTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`institutionTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <ProofUploadField control={control} />
        </fieldset>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("invoiceTitle")}</legend>
        <div role="radiogroup" aria-label={t("invoiceType")} className="flex flex-wrap gap-4">
          {INVOICE_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="radio" value={type} {...register("invoice.type")} />
              {t(`invoiceTypes.${type}`)}
            </label>
          ))}
        </div>
        {invoiceType !== "none" && (
          <div className="grid gap-4 sm:grid-cols-2">
            {field("invoice.title", t("invoiceHeader"))}
            {field("invoice.uscc", t("uscc"), { help: t("usccHelp") })}
            {invoiceType === "special" && (
              <>
                {field("invoice.bankName", t("bankName"))}
                {field("invoice.bankAccount", t("bankAccount"))}
                {field("invoice.registeredAddress", t("registeredAddress"))}
                {field("invoice.registeredPhone", t("registeredPhone"), { type: "tel" })}
              </>
            )}
          </div>
        )}
      </fieldset>
      <div className="space-y-2 text-right">
        {checksUnavailable && (
          <p role="alert" className="text-sm text-red-700">
            {t("checksUnavailable")}
          </p>
        )}
        <Button type="submit">{tWizard("continue")}</Button>
      </div>
    </form>
  );
}
