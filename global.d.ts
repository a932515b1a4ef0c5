import type { Locale } from "@/lib/catalog/ids";
import type { Messages } from "@/lib/i18n/messages";

// next-intl's typed configuration: `useLocale()`/`getLocale()` return a supported locale and
// every `t("…")` key is checked against the zh-CN message files, so a misspelt key fails tsc.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
