import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { catalog } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { getLead } from "@/lib/db/queries/leads";
import { interestLabel } from "@/lib/validations/contact-sales";
import { NextSteps } from "../_components/next-steps";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ContactSales.thanks");
  return { title: t("metaTitle") };
}

/** 138****5678: enough for the lead to recognise their number, not enough to read it off a shared screen. */
const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

export default async function ThanksPage({ searchParams }: { searchParams: Promise<{ lead?: string | string[] }> }) {
  const { lead: id } = await searchParams;
  const lead = typeof id === "string" ? await getLead(await getDb(), { id }) : undefined;
  const locale = await getLocale();
  const t = await getTranslations("ContactSales");
  const link = "rounded-lg px-4 py-2 font-medium";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-3 rounded-xl border border-emerald-200 bg-emerald-50 p-6">
        <h1 className="text-3xl font-bold tracking-tight">{t("thanks.title")}</h1>
        {lead ? (
          <>
            <p>
              {t("thanks.recorded", {
                name: lead.contactName,
                organisation: lead.organisationName,
                interest: interestLabel(catalog, lead.interest, locale, t("interests.other")),
              })}
            </p>
            <p>{t("thanks.callYou", { mobile: maskMobile(lead.mobile) })}</p>
            <p className="text-sm text-slate-700">
              {t("thanks.reference")}: <span className="font-mono font-semibold">{lead.id.slice(0, 8).toUpperCase()}</span>
            </p>
          </>
        ) : (
          <p>{t("thanks.recordedGeneric")}</p>
        )}
      </div>
      <NextSteps />
      <div className="flex flex-wrap gap-3">
        <Link href="/pricing" className={`${link} bg-brand-700 text-white hover:bg-brand-800`}>
          {t("thanks.backToPricing")}
        </Link>
        <Link href="/contact-sales" className={`${link} border border-slate-300 bg-white hover:bg-slate-50`}>
          {t("thanks.another")}
        </Link>
      </div>
    </div>
  );
}
