import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAgreementsForUser } from "@/lib/db/queries/agreements";
import { CancelAgreementButton } from "./_components/cancel-agreement-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PlatformAgreements.console");
  return { title: t("metaTitle") };
}

/** The signed-in payer's recurring-payment agreements, newest first, each cancellable while active. */
export default async function AgreementsPage() {
  const user = await requireUser("/console/agreements");
  const agreements = await listAgreementsForUser(await getDb(), { userId: user.id });
  const [t, tp, ts, format] = [
    await getTranslations("PlatformAgreements.console"),
    await getTranslations("PlatformAgreements.purpose"),
    await getTranslations("PlatformAgreements.status"),
    await getFormatter(),
  ];
  const columns = (["description", "purpose", "status", "createdAt", "order", "actions"] as const).map((key) => ({ key, label: t(key) }));
  return (
    <ClientMessages namespaces={["PlatformAgreements.console"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
        <DataTable columns={columns} caption={t("title")} isEmpty={agreements.length === 0} empty={t("empty")} responsive="cards">
          {agreements.map((a) => (
            <tr key={a.id} data-testid="agreement-row">
              <RowHeader>{a.description}</RowHeader>
              <Td>{tp(a.purpose)}</Td>
              <Td data-testid="agreement-status">{ts(a.status)}</Td>
              <Td>
                <Nowrap>{format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Nowrap>
              </Td>
              <Td>
                {a.orderId && (
                  <Link href={`/orders/${a.orderId}`} className="text-brand-700 underline">
                    {t("viewOrder")}
                  </Link>
                )}
              </Td>
              <Td>
                <CancelAgreementButton agreementId={a.id} description={a.description} active={a.status === "active"} />
              </Td>
            </tr>
          ))}
        </DataTable>
      </div>
    </ClientMessages>
  );
}
