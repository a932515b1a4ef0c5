"use client";

import { useTranslations } from "next-intl";
import { authClient } from "@/lib/auth/client";
import { signInSchema } from "@/lib/auth/validation";
import { FormError, SubmitButton } from "./form-parts";
import { TextField } from "@/components/ui/text-field";
import { useAuthForm } from "./use-auth-form";

/** Email + password sign-in; on success goes to `next` (already checked to be a same-site path). */
export function SignInForm({ next, labelledBy }: { next: string; labelledBy: string }) {
  const t = useTranslations("Auth");
  const { register, errors, busy, formError, onSubmit } = useAuthForm(signInSchema, (values) => authClient.signIn.email(values), next);

  // method="post": a submit before hydration must not put the password in the URL.
  return (
    <form method="post" noValidate aria-labelledby={labelledBy} onSubmit={onSubmit} className="space-y-4">
      <FormError messageKey={formError} />
      <TextField
        id="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        registration={register("email")}
        error={errors.email?.message}
      />
      <TextField
        id="password"
        label={t("fields.password")}
        type="password"
        autoComplete="current-password"
        registration={register("password")}
        error={errors.password?.message}
      />
      <SubmitButton busy={busy} label={t("signIn.submit")} busyLabel={t("signIn.submitting")} />
    </form>
  );
}
