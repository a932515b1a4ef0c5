import { getLocale } from "next-intl/server";
import { requestNow } from "@/lib/clock";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";

/** The request's clock (lib/clock.ts) when better-auth is called inside a request, else the real clock. */
export async function requestNowOrNow(): Promise<Date> {
  try {
    return await requestNow();
  } catch {
    return new Date();
  }
}

/** The reader's language when called inside a request, else the default. */
export async function requestLocaleOrDefault(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
