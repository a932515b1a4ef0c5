import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locale";

/** The language of a route handler's request: the buyer's choice (cookie), then Accept-Language, then zh-CN. */
export function requestLocale(request: Request): Locale {
  return localeFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));
}

/** The same from a request's Cookie and Accept-Language headers (of any request shape). */
export function localeFromHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const cookie = cookieHeader
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(cookie) ? cookie : negotiateLocale(acceptLanguage);
}
