import { ClientMessages } from "@/components/client-messages";
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { interestFromQuery, seatsFromQuery } from "@/lib/validations/contact-sales";
import { ContactSalesForm } from "./_components/contact-sales-form";
import { interestOptions } from "./_components/interest-options";
import { NextSteps } from "./_components/next-steps";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ContactSales");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/contact-sales?edition=enterprise|education-plus` or `?addon=webinar-20000|webinar-50000`, optionally `&seats=300`. */
export default async function ContactSalesPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const interest = interestFromQuery({ edition: query.edition, addon: query.addon });
  const seats = seatsFromQuery(query.seats);
  const locale = await getLocale();
  const t = await getTranslations("ContactSales");
  const options = await interestOptions(locale);
  const chosen = options.find((o) => o.value === interest);
  return (
    <ClientMessages namespaces={["ContactSales", "OrgDetails.errors", "OrgDetails.labels"]}>
      <div className="space-y-6">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-bold tracking-tight">{chosen ? t("titleFor", { interest: chosen.label }) : t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <ContactSalesForm
            key={`${interest ?? ""}-${seats ?? ""}`}
            interests={options}
            defaultInterest={interest}
            defaultSeats={seats}
            idempotencyKey={randomUUID()}
          />
          <aside className="lg:sticky lg:top-4 lg:self-start">
            <NextSteps />
          </aside>
        </div>
      </div>
    </ClientMessages>
  );
}
