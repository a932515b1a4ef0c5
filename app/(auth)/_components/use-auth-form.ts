"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { authFormError, type AuthFormError } from "./auth-error";

type AuthCall<V> = (values: V) => Promise<{ error?: unknown }>;

/**
 * What sign-in and sign-up share: the schema-checked form, the call to better-auth, the
 * form-level error, and on success the move to `next` (already checked to be a same-site path).
 */
export function useAuthForm<I extends FieldValues, O extends FieldValues>(schema: z.ZodType<O, I>, call: AuthCall<O>, next: string) {
  const router = useRouter();
  const [formError, setFormError] = useState<AuthFormError>();
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, formState } = useForm<I, unknown, O>({ resolver: zodResolver(schema) });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await call(values).catch(() => ({ error: {} }));
    if (error) return setFormError(authFormError(error as Parameters<typeof authFormError>[0]));
    setLeaving(true);
    router.replace(next);
    router.refresh(); // the header and every server component read the new session
  });
  return { register, errors: formState.errors, busy: formState.isSubmitting || leaving, formError, onSubmit };
}
