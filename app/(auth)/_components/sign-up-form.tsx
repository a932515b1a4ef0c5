"use client";

import { useTranslations } from "next-intl";
import { authClient } from "@/lib/auth/client";
import { signUpSchema } from "@/lib/auth/validation";
import { FormError, SubmitButton } from "./form-parts";
import { TextField } from "@/components/ui/text-field";
import { useAuthForm } from "./use-auth-form";

/** Name + email + password sign-up (signed in at once); on success goes to `next`. */
export function SignUpForm({ next, labelledBy }: { next: string; labelledBy: string }) {
  const t = useTranslations("Auth");
  const { register, errors, busy, formError, onSubmit } = useAuthForm(signUpSchema, (values) => authClient.signUp.email(values), next);

  // method="post": a submit before hydration must not put the password in the URL.
  return (
    <form method="post" noValidate aria-labelledby={labelledBy} onSubmit={onSubmit} className="space-y-4">
      <FormError messageKey={formError} />
      <TextField
        id="name"
        label={t("fields.name")}
        type="text"
        autoComplete="name"
        registration={register("name")}
        error={errors.name?.message}
      />
      <TextField
        id="email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        registration={register("email")}
        error={errors.email?.message}
      />
      <TextField
        id="password"
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        type="password"
        autoComplete="new-password"
        registration={register("password")}
        error={errors.password?.message}
      />
      <SubmitButton busy={busy} label={t("signUp.submit")} busyLabel={t("signUp.submitting")} />
    </form>
  );
}
