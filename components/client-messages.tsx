import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { pick, type MessagePath } from "@/lib/i18n/scopes";

/**
 * The provider of the client components inside it, with the messages they read and no others (see
 * lib/i18n/scopes.ts): the listed namespaces or paths. It replaces any provider above it, so it lists
 * everything its subtree's client components read.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: React.ReactNode }) {
  // What next-intl's own server provider would read from lib/i18n/request.ts (which sets no formats and no `now`).
  const [messages, locale, timeZone] = await Promise.all([getMessages(), getLocale(), getTimeZone()]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={pick(messages as Record<string, unknown>, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
