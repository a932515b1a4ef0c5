import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";

// lib/clock and next-intl/server are server-only: imported when called, so plain node scripts that build the auth
// instance (`npm run create-operator`) never load them (outside a request both answer with the fallback anyway).

/** The request's clock (lib/clock.ts) when better-auth is called inside a request, else the real clock. */
export async function requestNowOrNow(): Promise<Date> {
  try {
    const { requestNow } = await import("@/lib/clock");
    return await requestNow();
  } catch {
    return new Date();
  }
}

/** The reader's language when called inside a request, else the default. */
export async function requestLocaleOrDefault(): Promise<Locale> {
  try {
    const { getLocale } = await import("next-intl/server");
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
