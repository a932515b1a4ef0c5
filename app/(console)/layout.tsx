import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The buyer's console: orders and purchased services; each page checks the session itself. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("Console");
  return (
    <div className="space-y-6">
      <nav aria-label={t("label")} className="no-print flex gap-4 border-b border-slate-200 pb-3 text-sm">
        <Link href="/console/orders" className="text-brand-700 underline-offset-4 hover:underline">
          {t("orders")}
        </Link>
        <Link href="/console/services" className="text-brand-700 underline-offset-4 hover:underline">
          {t("services")}
        </Link>
      </nav>
      {children}
    </div>
  );
}
