import { env } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request-locale";
import { addressKey, clientAddress, parseTrustedProxies, type TrustedProxies } from "./address";
import { getLimits } from "./limiter";
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
  const limits = await getLimits();
  const key = requestAddressKey(request.headers);
  for (const name of names) {
    const refused = await limits.consume(name, key);
    if (refused) return tooManyResponse(requestLocale(request), refused);
  }
  return null;
}

/** How much of a price request is read to see whether it carries a voucher code. */
const VOUCHER_PEEK_BYTES = 64 * 1024;

/**
 * Whether a price request asks about a voucher: a copy of the body is read up to 64 KB and
 * parsed; one that is longer or not JSON counts as asking (a guesser gains nothing by padding).
 */
export async function asksVoucher(request: Request): Promise<boolean> {
  const body = request.clone().body;
  if (!body) return false;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > VOUCHER_PEEK_BYTES) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Buffer.concat(chunks)));
    return typeof parsed !== "object" || parsed === null || (parsed as { voucher?: unknown }).voucher != null;
  } catch {
    return false;
  }
}

/** POST /api/v1/price: the "price" limit, and the "voucher" limit too when the request carries a code. */
export async function limitPriceRequest(request: Request): Promise<Response | null> {
  return (await limitRequest(request, "price")) ?? ((await asksVoucher(request)) ? limitRequest(request, "voucher") : null);
}
