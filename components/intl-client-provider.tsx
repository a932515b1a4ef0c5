"use client";
// Every client translator formats through intl-messageformat with our locales taken as given (see the module).
import "@/lib/i18n/message-format";

export { NextIntlClientProvider as IntlClientProvider } from "next-intl";
