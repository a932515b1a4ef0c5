import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const [t, user] = [await getTranslations("Nav"), await getCurrentUser()];
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/pricing" className="text-lg font-semibold text-brand-800">
          {t("home")}
        </Link>
        <nav aria-label={t("label")} className="flex items-center gap-5 text-sm">
          <Link href="/pricing" className="hover:text-brand-700">
            {t("pricing")}
          </Link>
          <Link href="/buy" className="hover:text-brand-700">
            {t("buy")}
          </Link>
          {user && (
            <Link href="/console/orders" className="hover:text-brand-700">
              {t("console")}
            </Link>
          )}
          {(user?.role === "sales" || user?.role === "operator") && (
            <Link href="/sales/quotes" className="hover:text-brand-700">
              {t("quotes")}
            </Link>
          )}
          <UserMenu />
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
