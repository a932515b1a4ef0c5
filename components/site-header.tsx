import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { InboxLink } from "./inbox-link";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

const link = "shrink-0 whitespace-nowrap hover:text-brand-700";

// On a phone the header wraps whole items onto a second row; a link never breaks inside itself.
export async function SiteHeader() {
  const [t, user] = [await getTranslations("Nav"), await getCurrentUser()];
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/pricing" className="shrink-0 text-lg font-semibold whitespace-nowrap text-brand-800">
          {t("home")}
        </Link>
        <nav aria-label={t("label")} className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 text-sm sm:gap-x-5">
          <Link href="/pricing" className={link}>
            {t("pricing")}
          </Link>
          <Link href="/buy" className={link}>
            {t("buy")}
          </Link>
          {user && (
            <Link href="/console/orders" className={link}>
              {t("console")}
            </Link>
          )}
          {user && <InboxLink user={user} className={link} />}
          {(user?.role === "sales" || user?.role === "operator") && (
            <Link href="/sales/quotes" className={link}>
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
