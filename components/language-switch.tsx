import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/actions/set-locale";
import { LOCALES } from "@/lib/i18n/locale";
import { Button } from "@/components/ui/button";

/** Two buttons posting to a server action, so switching works without JavaScript too. */
export async function LanguageSwitch() {
  const [locale, t] = [await getLocale(), await getTranslations("LanguageSwitch")];
  return (
    // The group is a div inside the form: ARIA allows a form no role="group" (Lighthouse's aria-allowed-role).
    <form action={setLocale} className="flex shrink-0">
      <div role="group" aria-label={t("label")} className="flex overflow-hidden rounded-md border border-slate-300">
        {LOCALES.map((l) => (
          <Button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            variant="ghost"
            size="segment"
            className="aria-pressed:bg-brand-700 aria-pressed:text-white aria-pressed:hover:bg-brand-800"
          >
            {t(l)}
          </Button>
        ))}
      </div>
    </form>
  );
}
