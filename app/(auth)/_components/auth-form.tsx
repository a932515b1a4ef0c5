"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, Resolver } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import type { SignInInput, SignInValues, SignUpInput, SignUpValues } from "@/lib/auth/validation";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import { FormError, SubmitButton } from "./form-parts";
import { useAuthForm } from "./use-auth-form";

type Field<I> = { name: Path<I> & ("name" | "email" | "password"); type: "text" | "email" | "password"; autoComplete: string; hint?: true };

interface FormSpec<I extends FieldValues, O extends FieldValues> {
  resolver: Resolver<I, unknown, O>;
  call: (values: O) => Promise<{ error?: unknown }>;
  fields: readonly Field<I>[];
}

function spec<I extends FieldValues, O extends FieldValues>(s: FormSpec<I, O>): FormSpec<I, O> {
  return s;
}

// better-auth's client (~13 KB of gzip) is fetched at the first submit too, like the schema; a failed fetch is a failed call.
const auth = () => import("@/lib/auth/client").then((m) => m.authClient);

// What differs between the two forms: the schema (fetched at the first submit), the better-auth call and the fields.
const FORMS = {
  signIn: spec({
    resolver: lazyZodResolver<SignInInput, SignInValues>(() => import("@/lib/auth/validation").then((m) => m.signInSchema)),
    call: async (values) => (await auth()).signIn.email(values),
    fields: [
      { name: "email", type: "email", autoComplete: "username" },
      { name: "password", type: "password", autoComplete: "current-password" },
    ],
  }),
  signUp: spec({
    resolver: lazyZodResolver<SignUpInput, SignUpValues>(() => import("@/lib/auth/validation").then((m) => m.signUpSchema)),
    call: async (values) => (await auth()).signUp.email(values),
    fields: [
      { name: "name", type: "text", autoComplete: "name" },
      { name: "email", type: "email", autoComplete: "email" },
      { name: "password", type: "password", autoComplete: "new-password", hint: true },
    ],
  }),
};

/** Email + password sign-in, or name + email + password sign-up (signed in at once); on success goes to `next`. */
export function AuthForm({ mode, next, labelledBy }: { mode: keyof typeof FORMS; next: string; labelledBy: string }) {
  return mode === "signIn" ? (
    <SpecForm form={FORMS.signIn} mode={mode} next={next} labelledBy={labelledBy} />
  ) : (
    <SpecForm form={FORMS.signUp} mode={mode} next={next} labelledBy={labelledBy} />
  );
}

function SpecForm<I extends FieldValues, O extends FieldValues>(props: {
  form: FormSpec<I, O>;
  mode: keyof typeof FORMS;
  next: string;
  labelledBy: string;
}) {
  const t = useTranslations("Auth");
  const { register, errors, busy, formError, onSubmit } = useAuthForm(props.form.resolver, props.form.call, props.next);
  // method="post": a submit before hydration must not put the password in the URL.
  return (
    <form method="post" noValidate aria-labelledby={props.labelledBy} onSubmit={onSubmit} className="space-y-4">
      <FormError error={formError} />
      {props.form.fields.map((f) => {
        const message = errors[f.name]?.message;
        const field: "name" | "email" | "password" = f.name;
        return (
          <TextField
            key={f.name}
            id={f.name}
            label={t(`fields.${field}`)}
            hint={f.hint ? t("fields.passwordHint") : undefined}
            type={f.type}
            autoComplete={f.autoComplete}
            registration={register(f.name)}
            error={typeof message === "string" ? message : undefined}
          />
        );
      })}
      <SubmitButton busy={busy} label={t(`${props.mode}.submit`)} busyLabel={t(`${props.mode}.submitting`)} />
    </form>
  );
}
