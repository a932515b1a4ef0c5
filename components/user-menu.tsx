import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/sign-out";
import { Button } from "@/components/ui/button";

/**
 * "Sign in" for visitors; the account's email and "Sign out" once signed in. Signing out posts a
 * server action, so it needs no client JavaScript and the page re-renders without the session.
 */
export async function UserMenu() {
  const [user, t] = [await getCurrentUser(), await getTranslations("Auth.menu")];
  if (!user) {
    return (
      <Link href="/sign-in" className="shrink-0 whitespace-nowrap hover:text-brand-700">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <form action={signOut} className="flex min-w-0 items-center gap-2">
      {/* Truncated on a phone, in full in its title: the buyer always sees who is signed in. */}
      <span
        className="inline-block max-w-32 truncate align-bottom text-slate-600 sm:max-w-40"
        title={t("signedInAs", { email: user.email })}
      >
        {user.email}
      </span>
      <Button type="submit" variant="secondary" size="sm" className="shrink-0">
        {t("signOut")}
      </Button>
    </form>
  );
}
