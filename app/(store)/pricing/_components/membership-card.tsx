import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { membershipCatalog } from "@/lib/catalog/membership";
import { formatMoney } from "@/lib/money";

/** "个人会员 / Personal" beside the organisation editions: individuals buy it on /membership (issue 14). */
export async function MembershipCard() {
  const t = await getTranslations("Membership.pricingCard");
  const tiers = membershipCatalog.tiers;
  const largest = tiers.at(-1)!;
  return (
    <section
      aria-labelledby="membership-card-title"
      className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-slate-200 bg-white p-5"
    >
      <div>
        <h2 id="membership-card-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">
          {t("body", { size: largest.meetingSize, price: formatMoney(tiers[0]!.monthPrice, { compact: true }) })}
        </p>
      </div>
      <Link href="/membership" className={buttonVariants({ variant: "secondary" })}>
        {t("cta")}
      </Link>
    </section>
  );
}
