"use client";

import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { useMemo } from "react";
import { mergeMessages } from "@/lib/i18n/scopes";

/** A provider for its subtree: the parent provider's messages plus these (time zone and formats are inherited). */
export function ScopedMessages({ messages, children }: { messages: Record<string, unknown>; children: React.ReactNode }) {
  const parent = useMessages() as Record<string, unknown>;
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(parent, messages), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged as ReturnType<typeof useMessages>}>
      {children}
    </NextIntlClientProvider>
  );
}
