import { getTranslations } from "next-intl/server";

/** What happens after a lead is sent: shown beside the form and again on the thanks page. */
export async function NextSteps() {
  const t = await getTranslations("ContactSales.next");
  return (
    <section aria-labelledby="next-steps" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="next-steps" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ol className="mt-3 space-y-3">
        {(["call", "needs", "quote"] as const).map((step, i) => (
          <li key={step} className="flex gap-3 text-sm text-slate-700">
            <span
              aria-hidden
              className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 font-semibold text-brand-800"
            >
              {i + 1}
            </span>
            <span>{t(step)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
