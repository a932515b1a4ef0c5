// Maps a better-auth client error to an "Auth.errors" message key.
import type { Messages } from "next-intl";

/** A key of the "Auth.errors" messages. */
export type AuthErrorKey = keyof Messages["Auth"]["errors"];

const BY_CODE: Partial<Record<string, AuthErrorKey>> = {
  INVALID_EMAIL_OR_PASSWORD: "invalidCredentials",
  USER_ALREADY_EXISTS: "emailTaken",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "emailTaken",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  INVALID_EMAIL: "emailInvalid",
};

/** The message key for a failed sign-in or sign-up. */
export function authErrorKey(error: { code?: string | undefined; status?: number | undefined } | null | undefined): AuthErrorKey {
  if (error?.status === 429) return "tooManyAttempts";
  return (error?.code && BY_CODE[error.code]) || "unexpected";
}
