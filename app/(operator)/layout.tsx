import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Operator pages share a small section nav; each page checks the operator role itself. */
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("OperatorNav");
  return (
    <div className="space-y-6">
      <nav aria-label={t("label")} className="flex gap-4 border-b border-slate-200 pb-3 text-sm">
        <Link href="/operator/verifications" className="text-brand-700 underline-offset-4 hover:underline">
          {t("verifications")}
        </Link>
        <Link href="/operator/leads" className="text-brand-700 underline-offset-4 hover:underline">
          {t("leads")}
        </Link>
        <Link href="/operator/vouchers" className="text-brand-700 underline-offset-4 hover:underline">
          {t("vouchers")}
        </Link>
      </nav>
      {children}
    </div>
  );
}
