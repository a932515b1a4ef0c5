"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "@/lib/auth/client";
import { signUpSchema, type SignUpInput, type SignUpValues } from "@/lib/auth/validation";
import { authErrorKey } from "./auth-error";
import { FormError, SubmitButton } from "./form-parts";
import { TextField } from "./text-field";

/** Name + email + password sign-up (signed in at once); on success goes to `next`. */
export function SignUpForm({ next, labelledBy }: { next: string; labelledBy: string }) {
  const t = useTranslations("Auth");
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, formState } = useForm<SignUpInput, unknown, SignUpValues>({ resolver: zodResolver(signUpSchema) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await authClient.signUp.email(values).catch(() => ({ error: {} }));
    if (error) return setFormError(authErrorKey(error));
    setLeaving(true);
    router.replace(next);
    router.refresh(); // the header and every server component read the new session
  });

  // method="post": a submit before hydration must not put the password in the URL.
  return (
    <form method="post" noValidate aria-labelledby={labelledBy} onSubmit={onSubmit} className="space-y-4">
      <FormError messageKey={formError} />
      <TextField id="name" label={t("fields.name")} type="text" autoComplete="name" registration={register("name")} error={errors.name?.message} />
      <TextField id="email" label={t("fields.email")} type="email" autoComplete="email" registration={register("email")} error={errors.email?.message} />
      <TextField
        id="password"
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        type="password"
        autoComplete="new-password"
        registration={register("password")}
        error={errors.password?.message}
      />
      <SubmitButton busy={isSubmitting || leaving} label={t("signUp.submit")} busyLabel={t("signUp.submitting")} />
    </form>
  );
}
