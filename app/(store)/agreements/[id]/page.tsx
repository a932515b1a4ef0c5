import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { agreementDocument } from "@/lib/agreements/texts";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string | string[] }> };

const versionOf = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata({ params, searchParams }: Props) {
  const doc = agreementDocument((await params).id, versionOf((await searchParams).version));
  const locale = await getLocale();
  return doc ? { title: `${doc.agreement.title[locale]} (${doc.text.version})` } : {};
}

/** An agreement's full text: the current version, or with ?version= the exact one an order accepted. */
export default async function AgreementPage({ params, searchParams }: Props) {
  const { id } = await params;
  const doc = agreementDocument(id, versionOf((await searchParams).version));
  if (!doc) notFound();
  const { agreement, text, current, versions } = doc;
  const [t, locale] = [await getTranslations("AgreementPage"), await getLocale()];
  const sections = text.sections[locale];
  const anchor = (i: number) => `section-${i + 1}`;
  return (
    <article className="mx-auto max-w-3xl space-y-6 rounded-xl border border-slate-200 bg-white p-6 sm:p-8" lang={locale}>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{agreement.title[locale]}</h1>
        <p className="text-sm text-slate-600">
          <span data-testid="agreement-version">{t("version", { version: text.version })}</span> ·{" "}
          {t("effective", { date: text.effective })}
          {current && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">{t("current")}</span>}
        </p>
        {!current && (
          <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("earlier", { version: text.version, current: agreement.version })}{" "}
            <Link href={`/agreements/${agreement.id}`} className="font-medium underline">
              {t("readCurrent")}
            </Link>
          </p>
        )}
        {text.changes && <p className="text-sm text-slate-600">{t("changes", { changes: text.changes[locale] })}</p>}
        <p className="text-slate-700">{agreement.summary[locale]}</p>
      </header>
      <nav aria-label={t("contents")} className="no-print rounded-lg bg-slate-50 p-4 text-sm">
        <h2 className="mb-2 font-semibold">{t("contents")}</h2>
        <ol className="space-y-1">
          {sections.map((s, i) => (
            <li key={s.heading}>
              <a href={`#${anchor(i)}`} className="text-brand-700 underline">
                {s.heading}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s, i) => (
        <section key={s.heading} aria-labelledby={anchor(i)} className="space-y-2">
          <h2 id={anchor(i)} className="scroll-mt-20 text-lg font-semibold">
            {s.heading}
          </h2>
          {s.paragraphs.map((p) => (
            <p key={p} className="leading-relaxed text-slate-800">
              {p}
            </p>
          ))}
        </section>
      ))}
      {versions.length > 1 && (
        <footer className="no-print border-t border-slate-200 pt-4 text-sm">
          <h2 className="mb-2 font-semibold">{t("versions")}</h2>
          <ul className="space-y-1">
            {versions.map((v) => (
              <li key={v.version}>
                {v.version === text.version ? (
                  <span aria-current="page" className="font-medium">
                    {t("version", { version: v.version })}
                  </span>
                ) : (
                  <Link href={`/agreements/${agreement.id}?version=${v.version}`} className="text-brand-700 underline">
                    {t("version", { version: v.version })}
                  </Link>
                )}
                {v.version === agreement.version && ` · ${t("current")}`}
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
