import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/section-nav";

/** The buyer's console: orders and purchased services; each page checks the session itself. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [t, ta] = [await getTranslations("Console"), await getTranslations("PlatformAgreements.console")];
  const links = [
    ...(["orders", "services"] as const).map((p) => ({ href: `/console/${p}`, text: t(p) })),
    { href: "/console/agreements", text: ta("nav") },
  ];
  return (
    <SectionNav label={t("label")} links={links}>
      {children}
    </SectionNav>
  );
}
