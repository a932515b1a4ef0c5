import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "./locale";
import { messagesFor } from "./messages";

// No locale in the URL: the buyer's choice (cookie) wins, then the browser's languages, then zh-CN.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: "Asia/Shanghai" };
});
