"use client";

import { useActionState, useMemo, useState, useTransition, type BaseSyntheticEvent } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { submitLead, type SubmitLeadResult } from "@/lib/actions/submit-lead";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { ContactSalesField, ContactSalesInput, ContactSalesInterest, ContactSalesValues } from "@/lib/validations/contact-sales";
import { MAX_LEAD_MESSAGE } from "@/lib/validations/contact-sales-limits";
import { controlClass, Field } from "./field";
import { InterestField, type InterestOption } from "./interest-field";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";

/** A key per mounted form; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

// The schema (and zod) is fetched at the first submit, not with the page (lib/forms/lazy-zod-resolver.ts).
const resolver = lazyZodResolver<ContactSalesInput, ContactSalesValues>(() =>
  import("@/lib/validations/contact-sales").then((m) => m.contactSalesSchema),
);

function toFieldErrors(result: SubmitLeadResult | null): FieldErrors<ContactSalesInput> | undefined {
  if (!result) return undefined;
  return Object.fromEntries(
    Object.entries(result.fieldErrors).map(([name, messages]) => [name, { type: "server", message: messages?.[0] }]),
  );
}

interface Props {
  interests: InterestOption[];
  defaultInterest?: ContactSalesInterest;
  /** The seat count the buyer was configuring (`?seats=` from /buy), prefilled. */
  defaultSeats?: number;
  /** Rendered into the form for a submission made before hydration or without JavaScript. */
  idempotencyKey: string;
}

/**
 * The contact-sales form. With JavaScript it is checked as the buyer types by the action's own
 * schema and sent without a page load; without (or before hydration) it posts to the same action.
 */
export function ContactSalesForm({ interests, defaultInterest, defaultSeats, idempotencyKey }: Props) {
  const t = useTranslations("ContactSales");
  const tOrg = useTranslations("OrgDetails.labels");
  // Set only when the form was posted without JavaScript and the server refused it.
  const [posted, formAction] = useActionState(submitLead, null);
  const sent = posted?.values;
  const [failure, setFailure] = useState<"generic" | "invalid" | undefined>(posted ? "invalid" : undefined);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  // A fresh key per mounted form: a page restored by Back must not reuse the key of a lead already sent.
  const [clientKey] = useState(newIdempotencyKey);
  const postedErrors = useMemo(() => toFieldErrors(posted), [posted]);
  // No defaultValues: fields start from the DOM, so text typed before hydration (or sent back after a post) is kept.
  const { register, handleSubmit, setError, control, formState } = useForm<ContactSalesInput, unknown, ContactSalesValues>({
    resolver,
    // Checked on submit, then on every change: an error appearing on blur would shift the submit button under the pointer.
    mode: "onSubmit",
    reValidateMode: "onChange",
    errors: postedErrors,
  });
  const messageLength = (useWatch({ control, name: "message" }) ?? sent?.message ?? "").length;
  const error = (name: ContactSalesField) => formState.errors[name]?.message ?? (hydrated ? undefined : posted?.fieldErrors[name]?.[0]);

  const onValid = (_: ContactSalesValues, event?: BaseSyntheticEvent) => {
    if (!(event?.target instanceof HTMLFormElement)) return;
    // The action parses the form's own fields, the same as when the form posts without JavaScript.
    const data = new FormData(event.target);
    data.set("idempotencyKey", clientKey);
    setFailure(undefined);
    startTransition(async () => {
      let result: SubmitLeadResult;
      try {
        result = await submitLead(null, data);
      } catch (e) {
        unstable_rethrow(e); // the redirect to the thanks page
        setFailure("generic");
        return;
      }
      // The server refused what the browser accepted (e.g. a page from before a release): show why at the fields.
      const fields = Object.entries(result.fieldErrors) as [ContactSalesField, string[]][];
      fields.forEach(([name, [message]], i) => setError(name, { type: "server", message }, { shouldFocus: i === 0 }));
      setFailure(fields.some(([name]) => name !== "idempotencyKey") ? "invalid" : "generic");
    });
  };

  const busy = pending || formState.isSubmitting;
  return (
    <form
      action={formAction}
      noValidate
      // The schema's fetch failing (offline) rejects the check: said like a failed send, what was typed stays.
      onSubmit={(event) => handleSubmit(onValid, () => setFailure("invalid"))(event).catch(() => setFailure("generic"))}
      aria-busy={busy || undefined}
      data-hydrated={hydrated || undefined}
      className="space-y-6"
    >
      <input type="hidden" {...register("idempotencyKey")} defaultValue={sent?.idempotencyKey ?? idempotencyKey} />
      <section aria-labelledby="about-you" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="about-you" className="text-lg font-semibold">
          {t("aboutYou")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="organisationName" label={tOrg("organisationName")} error={error("organisationName")}>
            {(p) => (
              <input
                {...p}
                {...register("organisationName")}
                defaultValue={sent?.organisationName}
                required
                autoComplete="organization"
                className={controlClass}
              />
            )}
          </Field>
          <Field id="contactName" label={tOrg("contactName")} error={error("contactName")}>
            {(p) => (
              <input
                {...p}
                {...register("contactName")}
                defaultValue={sent?.contactName}
                required
                autoComplete="name"
                className={controlClass}
              />
            )}
          </Field>
          <Field id="mobile" label={tOrg("mobile")} hint={t("hints.mobile")} error={error("mobile")}>
            {(p) => (
              <input
                {...p}
                {...register("mobile")}
                defaultValue={sent?.mobile}
                type="tel"
                inputMode="tel"
                required
                autoComplete="tel-national"
                className={controlClass}
              />
            )}
          </Field>
          <Field id="email" label={tOrg("email")} error={error("email")}>
            {(p) => (
              <input
                {...p}
                {...register("email")}
                defaultValue={sent?.email}
                type="email"
                required
                autoComplete="email"
                className={controlClass}
              />
            )}
          </Field>
        </div>
      </section>

      <section aria-labelledby="your-needs" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="your-needs" className="text-lg font-semibold">
          {t("yourNeeds")}
        </h2>
        <InterestField
          options={interests}
          checked={sent?.interest ?? defaultInterest}
          register={register("interest")}
          error={error("interest")}
        />
        <Field id="seats" label={t("labels.seats")} optional hint={t("hints.seats")} error={error("seats")}>
          {(p) => (
            <input
              {...p}
              {...register("seats")}
              defaultValue={sent?.seats ?? defaultSeats}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className={`${controlClass} sm:w-48`}
            />
          )}
        </Field>
        <Field
          id="message"
          label={t("labels.message")}
          optional
          hint={`${t("hints.message", { max: MAX_LEAD_MESSAGE })} ${t("hints.messageCount", { count: messageLength, max: MAX_LEAD_MESSAGE })}`}
          error={error("message")}
        >
          {(p) => <textarea {...p} {...register("message")} defaultValue={sent?.message} rows={5} className={controlClass} />}
        </Field>
      </section>

      <div className="space-y-3">
        <div role="alert">
          {failure && <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t(`errors.${failure}`)}</p>}
        </div>
        <p className="text-sm text-slate-600">{t("consent")}</p>
        <Button type="submit" disabled={busy} size="lg">
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
