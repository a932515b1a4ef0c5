import "server-only";
import { getTranslations } from "next-intl/server";
import { catalog, type Locale } from "@/lib/catalog";
import { CONTACT_SALES_INTERESTS, interestLabel } from "@/lib/validations/contact-sales";
import type { InterestOption } from "./interest-field";

/** Every interest with its catalog name and what it covers, worked out on the server so the form ships no catalog. */
export async function interestOptions(locale: Locale): Promise<InterestOption[]> {
  const t = await getTranslations({ locale, namespace: "ContactSales.interests" });
  return CONTACT_SALES_INTERESTS.map((value) => {
    const edition = catalog.editions.find((e) => e.id === value);
    const addon = catalog.salesOnlyAddons.find((a) => a.sku === value);
    const hint = edition
      ? t("editionHint", { min: edition.seats?.min ?? 1, size: edition.meetingSize })
      : addon
        ? t("webinarHint", { capacity: addon.capacity })
        : t("otherHint");
    return { value, label: interestLabel(catalog, value, locale, t("other")), hint };
  });
}
