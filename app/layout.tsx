import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { InlineStyles } from "@/components/inline-styles";
import { SiteHeader } from "@/components/site-header";
import { appStyles } from "@/lib/styles/compile";
import { handOffStyles } from "@/lib/styles/hand-off";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Meta");
  return { title: t("title"), description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Nav");
  // The stylesheet goes in the HTML's head (components/inline-styles.tsx), not as a render-blocking request.
  handOffStyles(await appStyles());
  // No message provider here: pages send their own namespaces (<ClientMessages>, lib/i18n/scopes.ts),
  // and a page without client translations loads none of next-intl's client code.
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <InlineStyles />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
