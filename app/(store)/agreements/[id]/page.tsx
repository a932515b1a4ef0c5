import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { agreements } from "@/lib/agreements";

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const agreement = agreements.find((a) => a.id === id);
  if (!agreement) notFound();
  const locale = await getLocale();
  return (
    <article className="prose mx-auto max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold">{agreement.title[locale]}</h1>
      <p className="text-sm text-slate-500">{agreement.version}</p>
      <p>{agreement.summary[locale]}</p>
    </article>
  );
}
