import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locale";

/** The language of a route handler's request: the buyer's choice (cookie), then Accept-Language, then zh-CN. */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(cookie) ? cookie : negotiateLocale(request.headers.get("accept-language"));
}
