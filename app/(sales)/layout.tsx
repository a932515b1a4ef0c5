import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/section-nav";

/** Sales pages share a small section nav; each page checks the sales or operator role itself. */
export default async function SalesLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("QuoteAdmin.nav");
  const links = [
    { href: "/sales/quotes", text: t("quotes") },
    { href: "/sales/quotes/new", text: t("new") },
  ];
  return (
    <SectionNav label={t("label")} links={links}>
      {children}
    </SectionNav>
  );
}
