import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { pick, unscopedNamespaces } from "@/lib/i18n/scopes";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Meta");
  return { title: t("title"), description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Nav");
  // Pages send their own namespaces (<ClientMessages>); here only those no page asks for yet. With
  // none, no provider: a page without client translations loads none of next-intl's client code.
  const messages = (await getMessages()) as Record<string, unknown>;
  const unscoped = unscopedNamespaces(messages);
  const page = (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
        {unscoped.length > 0 ? <NextIntlClientProvider messages={pick(messages, unscoped)}>{page}</NextIntlClientProvider> : page}
      </body>
    </html>
  );
}
