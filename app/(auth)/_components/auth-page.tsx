import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { withNext } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { nextParam, type SearchParams } from "./next-param";
import { SignInForm } from "./sign-in-form";
import { SignUpForm } from "./sign-up-form";

type Mode = "signIn" | "signUp";

// What differs between the two pages: the form, and the link across to the other page.
const PAGES = {
  signIn: { titleId: "sign-in-title", Form: SignInForm, other: "/sign-up" },
  signUp: { titleId: "sign-up-title", Form: SignUpForm, other: "/sign-in" },
} as const;

/** The page title of sign-in or sign-up; neither page is indexed. */
export async function authMetadata(mode: Mode): Promise<Metadata> {
  const t = await getTranslations(`Auth.${mode}`);
  return { title: t("title"), robots: { index: false } };
}

/** Sign-in or sign-up: a signed-in visitor goes straight on to `?next=`, anyone else gets the form. */
export async function AuthPage({ mode, searchParams }: { mode: Mode; searchParams: SearchParams }) {
  const next = await nextParam(searchParams);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("Auth");
  const { titleId, Form, other } = PAGES[mode];
  return (
    <div className="space-y-6">
      <div>
        <h1 id={titleId} className="text-2xl font-bold tracking-tight">
          {t(`${mode}.title`)}
        </h1>
        <p className="mt-1 text-slate-600">{t(`${mode}.intro`)}</p>
      </div>
      <Form next={next} labelledBy={titleId} />
      <p className="text-sm text-slate-600">
        {mode === "signIn" ? t("signIn.noAccount") : t("signUp.haveAccount")}{" "}
        <Link href={withNext(other, next)} className="text-brand-700 underline">
          {mode === "signIn" ? t("signIn.toSignUp") : t("signUp.toSignIn")}
        </Link>
      </p>
    </div>
  );
}
