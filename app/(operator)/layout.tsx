import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/section-nav";

/** Operator pages share a small section nav; each page checks the operator role itself. */
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("OperatorNav");
  const audit = await getTranslations("Audit");
  const refunds = await getTranslations("RefundsAdmin");
  const links = [
    ...(["verifications", "leads", "vouchers", "quotes", "payments", "staff"] as const).map((p) => ({
      href: `/operator/${p}`,
      text: t(p),
    })),
    { href: "/operator/refunds", text: refunds("nav") },
    { href: "/operator/audit", text: audit("nav") },
  ];
  return (
    <SectionNav label={t("label")} links={links}>
      {children}
    </SectionNav>
  );
}
