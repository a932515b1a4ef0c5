import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";
import { setSandboxAgreementFailures } from "@/lib/actions/set-sandbox-agreement-failures";
import { getDb } from "@/lib/db/client";
import { getSandboxAgreement, listSandboxAgreementCharges } from "@/lib/db/queries/sandbox-agreements";
import { formatMoney } from "@/lib/money";
import { sandboxGatewayOr404 } from "@/lib/payments/sandbox/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PlatformAgreements.sandbox");
  return { title: t("metaTitle") };
}

/**
 * The sandbox gateway's page of one agreement: its state, its charges, and the developer control that
 * makes its next N charges fail. Served only with the sandbox gateway, like the hosted payment page.
 */
export default async function SandboxAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ agreementRef: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  sandboxGatewayOr404();
  const { agreementRef } = await params;
  const db = await getDb();
  const agreement = await getSandboxAgreement(db, { agreementRef });
  if (!agreement) notFound();
  const charges = await listSandboxAgreementCharges(db, { agreementRef });
  const saved = (await searchParams).saved;
  const [t, tp, ts, format] = [
    await getTranslations("PlatformAgreements.sandbox"),
    await getTranslations("PlatformAgreements.purpose"),
    await getTranslations("PlatformAgreements.status"),
    await getFormatter(),
  ];
  const columns = (["chargeTime", "chargeAmount", "chargeStatus", "chargeReason", "chargeRef"] as const).map((key) => ({
    key,
    label: t(key),
    align: key === "chargeAmount" ? ("right" as const) : undefined,
  }));
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("notice")}</p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-slate-600">{t("ref")}</dt>
        <dd className="font-mono text-sm break-all">{agreement.agreementRef}</dd>
        <dt className="text-slate-600">{t("purpose")}</dt>
        <dd>{tp(agreement.purpose)}</dd>
        <dt className="text-slate-600">{t("description")}</dt>
        <dd>{agreement.description}</dd>
        <dt className="text-slate-600">{t("status")}</dt>
        <dd className="font-medium" data-testid="sandbox-agreement-status">
          {ts(agreement.status)}
        </dd>
        <dt className="text-slate-600">{t("failNext")}</dt>
        <dd className="tabular-nums" data-testid="sandbox-agreement-fail-next">
          {agreement.failNext}
        </dd>
      </dl>
      <section aria-labelledby="sandbox-fail-title" className="space-y-3">
        <h2 id="sandbox-fail-title" className="text-lg font-semibold">
          {t("failTitle")}
        </h2>
        <form action={setSandboxAgreementFailures} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="agreementRef" value={agreement.agreementRef} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("failCount")}
            <input
              type="number"
              name="count"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={agreement.failNext || 1}
              className="w-28 rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <Button type="submit">{t("failSubmit")}</Button>
        </form>
        {typeof saved === "string" && /^\d+$/.test(saved) && <p role="status">{t("failSaved", { count: Number(saved) })}</p>}
      </section>
      <section aria-labelledby="sandbox-charges-title" className="space-y-3">
        <h2 id="sandbox-charges-title" className="text-lg font-semibold">
          {t("charges")}
        </h2>
        <DataTable columns={columns} caption={t("charges")} isEmpty={charges.length === 0} empty={t("noCharges")} responsive="cards">
          {charges.map((c) => (
            <tr key={c.chargeRef}>
              <Td>
                <Nowrap>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Nowrap>
              </Td>
              <Td align="right">{formatMoney(c.amount)}</Td>
              <Td>{c.status === "succeeded" ? t("chargeSucceeded") : t("chargeFailed")}</Td>
              <Td>{c.failureReason ?? ""}</Td>
              <Td className="font-mono text-xs break-all">{c.chargeRef}</Td>
            </tr>
          ))}
        </DataTable>
      </section>
    </article>
  );
}
