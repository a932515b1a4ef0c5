import { LOCALES } from "@/lib/catalog";
import { messagesFor } from "@/lib/i18n/messages";
import type { QuoteMessages } from "./types";

/** The messages a change quote is worded with, in both languages (the server's; the page hands the same to the browser). */
export function quoteMessages(): QuoteMessages {
  return Object.fromEntries(
    LOCALES.map((l) => [l, { Pricing: messagesFor(l).Pricing, Lifecycle: messagesFor(l).Lifecycle }]),
  ) as QuoteMessages;
}
