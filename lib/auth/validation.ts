import { z } from "zod";

// Lives beside auth rather than in lib/validations: only the auth forms use it. Each error is a
// message key under the "Auth" namespace, so the form shows it in the reader's language.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_NAME_LENGTH = 100;

const error = (key: string) => ({ error: `Auth.errors.${key}` });

const email = z
  .string()
  .trim()
  .min(1, error("emailRequired"))
  .pipe(z.email(error("emailInvalid")).max(254, error("emailInvalid")));

/** The sign-in form; better-auth checks the credentials. */
export const signInSchema = z.object({
  email,
  password: z.string().min(1, error("passwordRequired")),
});

/** The sign-up form; the same password rule better-auth enforces (8–128 characters). */
export const signUpSchema = z.object({
  name: z.string().trim().min(1, error("nameRequired")).max(MAX_NAME_LENGTH, error("nameTooLong")),
  email,
  password: z.string().min(MIN_PASSWORD_LENGTH, error("passwordTooShort")).max(MAX_PASSWORD_LENGTH, error("passwordTooLong")),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignInValues = z.output<typeof signInSchema>;
export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpValues = z.output<typeof signUpSchema>;
