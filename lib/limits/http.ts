import { env } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request-locale";
import { addressKey, clientAddress, parseTrustedProxies, type TrustedProxies } from "./address";
import { getLimits, readyLimits } from "./limiter";
import type { LimitName } from "./limits";
import { tooManyResponse } from "./refusal";

let trusted: { list: string | undefined; parsed: TrustedProxies } | undefined;

/** TRUSTED_PROXIES, parsed once (the environment schema already checked it). */
export function trustedProxies(): TrustedProxies {
  const list = env().TRUSTED_PROXIES;
  if (!trusted || trusted.list !== list) trusted = { list, parsed: parseTrustedProxies(list) };
  return trusted.parsed;
}

/** The budget key of the request's client address. */
export function requestAddressKey(headers: Headers): string {
  return addressKey(clientAddress(headers, trustedProxies()));
}

/**
 * For a route handler's first line: counts the request against each of `names` for its client
 * address and answers the 429 (Retry-After, message in the buyer's language) when one is over.
 */
export async function limitRequest(request: Request, ...names: LimitName[]): Promise<Response | null> {
  const limits = readyLimits() ?? (await getLimits());
  const key = requestAddressKey(request.headers);
  for (const name of names) {
    if (limits.tryTake(name, key)) continue;
    const refused = await limits.consume(name, key);
    if (refused) return tooManyResponse(requestLocale(request), refused);
  }
  return null;
}
