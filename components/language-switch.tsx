import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/actions/set-locale";
import { LOCALES } from "@/lib/i18n/locale";

/** Two buttons posting to a server action, so switching works without JavaScript too. */
export async function LanguageSwitch() {
  const [locale, t] = [await getLocale(), await getTranslations("LanguageSwitch")];
  return (
    <form action={setLocale} role="group" aria-label={t("label")} className="flex overflow-hidden rounded-md border border-slate-300">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className="px-2.5 py-1 text-xs aria-pressed:bg-brand-700 aria-pressed:text-white"
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
