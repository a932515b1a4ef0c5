"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "@/lib/auth/client";
import { signInSchema, type SignInInput, type SignInValues } from "@/lib/auth/validation";
import { authErrorKey } from "./auth-error";
import { FormError, SubmitButton } from "./form-parts";
import { TextField } from "./text-field";

/** Email + password sign-in; on success goes to `next` (already checked to be a same-site path). */
export function SignInForm({ next, labelledBy }: { next: string; labelledBy: string }) {
  const t = useTranslations("Auth");
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, formState } = useForm<SignInInput, unknown, SignInValues>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await authClient.signIn.email(values).catch(() => ({ error: {} }));
    if (error) return setFormError(authErrorKey(error));
    setLeaving(true);
    router.replace(next);
    router.refresh(); // the header and every server component read the new session
  });

  // method="post": a submit before hydration must not put the password in the URL.
  return (
    <form method="post" noValidate aria-labelledby={labelledBy} onSubmit={onSubmit} className="space-y-4">
      <FormError messageKey={formError} />
      <TextField id="email" label={t("fields.email")} type="email" autoComplete="username" registration={register("email")} error={errors.email?.message} />
      <TextField id="password" label={t("fields.password")} type="password" autoComplete="current-password" registration={register("password")} error={errors.password?.message} />
      <SubmitButton busy={isSubmitting || leaving} label={t("signIn.submit")} busyLabel={t("signIn.submitting")} />
    </form>
  );
}
