"use client";

import { useRouter } from "next/navigation";
import { useState, type BaseSyntheticEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { authFormError, type AuthFormError } from "./auth-error";

type AuthCall<V> = (values: V) => Promise<{ error?: unknown }>;

/**
 * What sign-in and sign-up share: the schema-checked form (the schema fetched at the first submit, see
 * lazyZodResolver), the call to better-auth, the form-level error, and on success the move to `next`
 * (already checked to be a same-site path).
 */
export function useAuthForm<I extends FieldValues, O extends FieldValues>(
  resolver: Resolver<I, unknown, O>,
  call: AuthCall<O>,
  next: string,
) {
  const router = useRouter();
  const [formError, setFormError] = useState<AuthFormError>();
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, formState } = useForm<I, unknown, O>({ resolver });
  const submit = handleSubmit(async (values) => {
    const { error } = await call(values).catch(() => ({ error: {} }));
    if (error) return setFormError(authFormError(error as Parameters<typeof authFormError>[0]));
    setLeaving(true);
    router.replace(next);
    router.refresh(); // the header and every server component read the new session
  });
  // The schema's fetch failing (offline) rejects the validation: said like any failed call, nothing is lost.
  const onSubmit = (event?: BaseSyntheticEvent) => {
    setFormError(undefined);
    return submit(event).catch(() => setFormError(authFormError({})));
  };
  return { register, errors: formState.errors, busy: formState.isSubmitting || leaving, formError, onSubmit };
}
