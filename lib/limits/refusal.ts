import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { waitText, type RefusalKind } from "./wait";

/** A request a limit refused: how long until it may try again, in whole seconds (≥ 1). */
export interface Refused {
  retryAfter: number;
}

/** The refusal's rule code in API answers and server-action results. */
export const RATE_LIMITED = "RATE_LIMITED";

export type { RefusalKind } from "./wait";

/** The refusal in the buyer's language, with the wait. */
export function refusalMessage(locale: Locale, refused: Refused, kind: RefusalKind = "tooMany"): string {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "Limits" });
  return t(kind, { wait: waitText(t, refused.retryAfter) });
}

/**
 * HTTP 429 with Retry-After and `{ code, reason, message, retryAfter, errors: [{ code, path, message }] }`
 * (the API's error shape; `reason` lets a form word the wait itself).
 */
export function tooManyResponse(locale: Locale, refused: Refused, kind: RefusalKind = "tooMany"): Response {
  const message = refusalMessage(locale, refused, kind);
  return Response.json(
    { code: RATE_LIMITED, reason: kind, message, retryAfter: refused.retryAfter, errors: [{ code: RATE_LIMITED, path: "", message }] },
    { status: 429, headers: { "Retry-After": String(refused.retryAfter) } },
  );
}
