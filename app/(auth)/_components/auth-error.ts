// Maps a better-auth client error to an "Auth.errors" message key, or to a limit's refusal.
import type { Messages } from "next-intl";
import type { RefusalKind } from "@/lib/limits/wait";

/** A key of the "Auth.errors" messages. */
export type AuthErrorKey = keyof Messages["Auth"]["errors"];

/** What the form says: a message key, or a limit's refusal with its wait in seconds. */
export type AuthFormError = { key: AuthErrorKey } | { limited: RefusalKind; retryAfter: number };

const BY_CODE: Partial<Record<string, AuthErrorKey>> = {
  INVALID_EMAIL_OR_PASSWORD: "invalidCredentials",
  USER_ALREADY_EXISTS: "emailTaken",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "emailTaken",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  INVALID_EMAIL: "emailInvalid",
};

type ClientError = { code?: string | undefined; status?: number | undefined; reason?: unknown; retryAfter?: unknown };

/** The message key for a failed sign-in or sign-up. */
export function authErrorKey(error: ClientError | null | undefined): AuthErrorKey {
  if (error?.status === 429) return "tooManyAttempts";
  return (error?.code && BY_CODE[error.code]) || "unexpected";
}

/** What the form shows for a failed sign-in or sign-up: a refusal by the store's limits (lib/limits) says how long to wait. */
export function authFormError(error: ClientError | null | undefined): AuthFormError {
  const retryAfter = Number(error?.retryAfter);
  if (error?.status === 429 && Number.isInteger(retryAfter) && retryAfter > 0) {
    return { limited: error.reason === "signInBlocked" ? "signInBlocked" : "tooMany", retryAfter };
  }
  return { key: authErrorKey(error) };
}
