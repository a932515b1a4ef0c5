import { IntlMessageFormat } from "intl-messageformat";
import { isLocale } from "./locale";

const resolveAnyLocale = IntlMessageFormat.resolveLocale;

/**
 * The locale intl-messageformat (next-intl's formatter for every message with arguments) gives a message:
 * one of ours is taken as given; any other is resolved as the library does.
 *
 * The library asks `Intl.NumberFormat.supportedLocalesOf` for each message, and the first such call in a
 * page builds V8's list of every ICU locale: about 25 ms on a desktop, 100 ms on a phone, spent inside the
 * hydration of /buy (the largest single cost in its CPU profile). zh-CN and en are always in that list, so
 * for them the answer is known without asking.
 */
export function resolveMessageLocale(locales: string | string[]): Intl.Locale | undefined {
  const first = typeof locales === "string" ? locales : locales[0];
  return isLocale(first) ? new Intl.Locale(first) : resolveAnyLocale(locales);
}

IntlMessageFormat.resolveLocale = resolveMessageLocale;
