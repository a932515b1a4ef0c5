import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { withNext } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { nextParam, type SearchParams } from "../_components/next-param";
import { SignInForm } from "../_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth.signIn");
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = await nextParam(searchParams);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("Auth.signIn");
  return (
    <div className="space-y-6">
      <div>
        <h1 id="sign-in-title" className="text-2xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <SignInForm next={next} labelledBy="sign-in-title" />
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={withNext("/sign-up", next)} className="text-brand-700 underline">
          {t("toSignUp")}
        </Link>
      </p>
    </div>
  );
}
