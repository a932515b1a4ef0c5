import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pick, type MessagePath } from "@/lib/i18n/scopes";

/**
 * The provider of the client components inside it, with the messages they read and no others (see
 * lib/i18n/scopes.ts): the listed namespaces or paths. It replaces any provider above it, so it lists
 * everything its subtree's client components read.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pick(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
