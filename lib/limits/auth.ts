import { requestLocale } from "@/lib/i18n/request-locale";
import { requestAddressKey } from "./http";
import { getLimits } from "./limiter";
import type { LimitName } from "./limits";
import { tooManyResponse } from "./refusal";

/** Which address limit a POST to better-auth's `/api/auth/<path>` counts against. */
export function authLimit(pathname: string): LimitName {
  const path = pathname.replace(/^.*\/api\/auth\//, "");
  if (path.startsWith("sign-in/")) return "sign-in";
  if (path.startsWith("sign-up/")) return "sign-up";
  return "auth";
}

async function typedEmail(request: Request): Promise<string | undefined> {
  try {
    const body: unknown = await request.clone().json();
    const email = typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
    return typeof email === "string" && email.trim() ? email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The auth route's limits around better-auth's handler: every POST counts against its address
 * limit (sign-in, sign-up, the rest); a sign-in is also refused while its account is backing off,
 * a failed one (401) extends the back-off and a successful one clears it. Reads (GET) pass.
 */
export async function withAuthLimits(request: Request, handle: (request: Request) => Promise<Response>): Promise<Response> {
  if (request.method !== "POST") return handle(request);
  const limits = await getLimits();
  const locale = requestLocale(request);
  const limit = authLimit(new URL(request.url).pathname);
  const refused = await limits.consume(limit, requestAddressKey(request.headers));
  if (refused) return tooManyResponse(locale, refused);
  if (limit !== "sign-in") return handle(request);
  const email = await typedEmail(request);
  if (!email) return handle(request);
  const blocked = await limits.signInBlocked(email);
  if (blocked) return tooManyResponse(locale, blocked, "signInBlocked");
  const response = await handle(request);
  if (response.status === 401) await limits.signInFailed(email);
  else if (response.ok) await limits.signInSucceeded(email);
  return response;
}
