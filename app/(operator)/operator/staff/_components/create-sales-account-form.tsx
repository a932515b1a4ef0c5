"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState, useTransition, type BaseSyntheticEvent } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { createSalesAccountAction } from "@/lib/actions/create-sales-account";
import { DEFAULT_DISCOUNT_LIMIT_PERCENT } from "@/lib/auth/roles";
import {
  createSalesAccountSchema,
  type CreateSalesAccountField,
  type CreateSalesAccountInput,
  type CreateSalesAccountResult,
  type CreateSalesAccountValues,
} from "@/lib/validations/staff";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

const DEFAULTS = { name: "", email: "", password: "", discountLimitPercent: String(DEFAULT_DISCOUNT_LIMIT_PERCENT) };

function toFieldErrors(result: CreateSalesAccountResult | null): FieldErrors<CreateSalesAccountInput> | undefined {
  if (!result || result.ok || !("fieldErrors" in result)) return undefined;
  return Object.fromEntries(
    Object.entries(result.fieldErrors).map(([name, messages]) => [name, { type: "server", message: messages?.[0] }]),
  );
}

/**
 * The operator's create-a-sales-account form, checked in the browser by the action's own schema.
 * Without JavaScript it posts to the same action.
 */
export function CreateSalesAccountForm() {
  const t = useTranslations("Staff.create");
  const tRoot = useTranslations();
  // Set only when the form was posted before JavaScript took over.
  const [posted, formAction] = useActionState(createSalesAccountAction, null);
  const [sent, setSent] = useState<CreateSalesAccountResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const postedErrors = useMemo(() => toFieldErrors(posted), [posted]);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateSalesAccountInput, unknown, CreateSalesAccountValues>({
    resolver: zodResolver(createSalesAccountSchema),
    defaultValues: DEFAULTS,
    reValidateMode: "onChange",
    errors: postedErrors,
  });
  const result = sent ?? posted;

  const onValid = (_: CreateSalesAccountValues, event?: BaseSyntheticEvent) => {
    if (!(event?.target instanceof HTMLFormElement)) return;
    const data = new FormData(event.target);
    setSent(null);
    setFailed(false);
    startTransition(async () => {
      let answer: CreateSalesAccountResult;
      try {
        answer = await createSalesAccountAction(null, data);
      } catch {
        setFailed(true);
        return;
      }
      setSent(answer);
      if (answer.ok) reset(DEFAULTS);
      else if ("fieldErrors" in answer) {
        const fields = Object.entries(answer.fieldErrors) as [CreateSalesAccountField, string[]][];
        fields.forEach(([name, [message]], i) => setError(name, { type: "server", message }, { shouldFocus: i === 0 }));
      }
    });
  };

  // The schema shares sign-up's rules and keys, worded for the account's owner ("your name");
  // Staff.errors words the same rule for the operator where it has its own text.
  const errorText = (key: string) => {
    const own = key.replace(/^Auth\.errors\./, "Staff.errors.");
    return translateKnown(tRoot, [own, key], "Staff.errors.generic");
  };

  const field = (
    name: CreateSalesAccountField,
    label: string,
    props: Omit<React.ComponentProps<typeof TextField>, "id" | "label" | "registration">,
  ) => (
    <TextField
      id={`staff-${name}`}
      label={label}
      registration={register(name)}
      error={formState.errors[name]?.message}
      errorText={errorText}
      {...props}
    />
  );

  const busy = pending || formState.isSubmitting;
  const formError = failed ? "generic" : result && !result.ok && result.error === "FORBIDDEN" ? "FORBIDDEN" : undefined;
  return (
    <section aria-labelledby="staff-create" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="staff-create" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <form
        action={formAction}
        onSubmit={handleSubmit(onValid)}
        noValidate
        aria-busy={busy || undefined}
        className="mt-4 grid gap-4 sm:grid-cols-2"
      >
        {field("name", t("name"), { type: "text", autoComplete: "off" })}
        {field("email", t("email"), { type: "email", autoComplete: "off", hint: t("emailHint") })}
        {field("password", t("password"), { type: "password", autoComplete: "new-password", hint: t("passwordHint") })}
        {field("discountLimitPercent", t("percent"), {
          type: "number",
          inputMode: "numeric",
          min: 0,
          max: 100,
          step: 1,
          defaultValue: DEFAULTS.discountLimitPercent,
          hint: t("percentHint"),
        })}
        <div className="space-y-3 sm:col-span-2">
          <div role="alert" className="empty:hidden rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError && tRoot(`Staff.errors.${formError}`)}
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" disabled={busy}>
              {busy ? t("submitting") : t("submit")}
            </Button>
            <p role="status" className="text-sm text-green-800">
              {result?.ok && t("created", { name: result.name, email: result.email })}
            </p>
          </div>
        </div>
      </form>
    </section>
  );
}
