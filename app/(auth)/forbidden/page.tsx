import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signInPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/sign-out";
import { nextParam, type SearchParams } from "../_components/next-param";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth.forbidden");
  return { title: t("title"), robots: { index: false } };
}

/** Where requireRole sends a signed-in user who lacks the role `next` needs. */
export default async function ForbiddenPage({ searchParams }: { searchParams: SearchParams }) {
  const next = await nextParam(searchParams);
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(next));
  const t = await getTranslations("Auth.forbidden");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{t("body", { email: user.email })}</p>
      <form action={signOut}>
        <input type="hidden" name="next" value={signInPath(next)} />
        <Button type="submit" block>
          {t("switchAccount")}
        </Button>
      </form>
      <Link href="/pricing" className="inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
