import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import type { HistoryEntry } from "@/lib/quotes/history";

/** Every version of a quote, newest first, each with what it changed in words. */
export async function RevisionHistory({ entries, currentVersion }: { entries: HistoryEntry[]; currentVersion: number }) {
  const [t, tBadge, format] = [
    await getTranslations("QuoteAdmin.history"),
    await getTranslations("QuoteAdmin.badge"),
    await getFormatter(),
  ];
  return (
    <Section id="quote-history" title={t("title")}>
      <ol aria-label={t("caption")} className="mt-3 space-y-4">
        {entries.map((e) => (
          <li key={e.version} className="border-l-2 border-slate-200 pl-4">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium">
                {t("entry", { version: e.version, time: format.dateTime(e.issuedAt, { dateStyle: "medium", timeStyle: "short" }) })}
              </h3>
              {e.version === currentVersion && (
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{tBadge("current")}</span>
              )}
            </div>
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
              {e.changes.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Section>
  );
}
