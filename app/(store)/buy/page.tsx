import { getTranslations } from "next-intl/server";
import { decodeCart } from "@/lib/cart/url";
import { Configurator } from "./_components/configurator";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BuyPage({ searchParams }: { searchParams: SearchParams }) {
  const decoded = decodeCart(await searchParams);
  const t = await getTranslations("Buy");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <Configurator key={JSON.stringify(decoded)} initial={decoded} />
    </div>
  );
}
