import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { listDecidedVerifications, listPendingVerifications, type VerificationListItem } from "@/lib/db/queries/verifications";
import { formatMoney } from "@/lib/money";
import { DecisionForms } from "./_components/decision-forms";
import { PageHeader } from "@/components/ui/page-header";
import { isOneOf } from "@/lib/i18n/keys";
import { INSTITUTION_TYPES } from "@/lib/validations/organisation-choices";
import { requestNow } from "@/lib/clock";
import { waited } from "@/lib/orders/window";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Verification.operator");
  return { title: t("metaTitle"), robots: { index: false } };
}

const DECIDED_LIMIT = 100;
const proofHref = (v: VerificationListItem) => `/api/uploads/education-proof/${v.proofUploadId}`;

/** Education verifications for operators: pending ones to decide, oldest first, then the latest decisions. */
export default async function VerificationsPage() {
  await requireRole("operator", "/operator/verifications");
  const db = await getDb();
  const [pending, decided] = await Promise.all([listPendingVerifications(db), listDecidedVerifications(db, { limit: DECIDED_LIMIT })]);
  const now = await requestNow();
  const [t, tTypes, tStatus, tQueue, format] = [
    await getTranslations("Verification.operator"),
    await getTranslations("Checkout.institutionTypes"),
    await getTranslations("Verification.status"),
    await getTranslations("OrderStates.queue"),
    await getFormatter(),
  ];
  // How long a verification has waited: the queue is first come, first reviewed, and the buyer waits meanwhile.
  const waitedFor = (v: VerificationListItem) => {
    const w = waited(v.createdAt, now);
    if (w.days > 0) return tQueue("days", { days: w.days, hours: w.hours });
    return w.hours > 0 ? tQueue("hoursMinutes", w) : tQueue("minutes", { minutes: w.minutes });
  };
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const type = (v: VerificationListItem) => (isOneOf(INSTITUTION_TYPES, v.institutionType) ? tTypes(v.institutionType) : v.institutionType);
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${format.number(Math.max(bytes / 1024, 0.1), { maximumFractionDigits: 1 })} KB`
      : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
  return (
    <ClientMessages namespaces={["Verification"]}>
      <div className="space-y-8">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <PageHeader title={t("title")} intro={t("intro")} />
          <Link href="/operator/leads" className="text-sm text-brand-700 underline">
            {t("leadsLink")}
          </Link>
        </div>

        <section aria-labelledby="pending-heading" className="space-y-4">
          <h2 id="pending-heading" className="text-xl font-semibold">
            {t("pendingTitle", { count: pending.length })}
          </h2>
          {pending.length === 0 && <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600">{t("pendingEmpty")}</p>}
          {pending.map((v) => (
            <article key={v.id} aria-labelledby={`verification-${v.id}`} className="rounded-xl border border-slate-200 bg-white p-5">
              <h3 id={`verification-${v.id}`} className="text-lg font-semibold">
                {v.institutionName} <span className="font-normal text-slate-600">· {t("orderNumber", { number: v.orderNumber })}</span>
              </h3>
              <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">{t("fields.type")}</dt>
                  <dd>{type(v)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("fields.buyer")}</dt>
                  <dd className="break-all">
                    {v.buyerEmail ? (
                      <a href={`mailto:${v.buyerEmail}`} className="text-brand-700 underline">
                        {v.buyerEmail}
                      </a>
                    ) : (
                      t("noValue")
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("fields.order")}</dt>
                  <dd className="tabular-nums">
                    {v.orderNumber} · {formatMoney(v.orderTotal)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("fields.proof")}</dt>
                  <dd>
                    <a href={proofHref(v)} download className="break-all text-brand-700 underline">
                      {t("download", { name: v.proofFileName, size: size(v.proofSize) })}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("fields.submittedAt")}</dt>
                  <dd className="tabular-nums">
                    <time dateTime={v.createdAt.toISOString()}>{time(v.createdAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{tQueue("waited")}</dt>
                  <dd className="tabular-nums" data-testid="verification-waited">
                    {waitedFor(v)}
                  </dd>
                </div>
              </dl>
              <DecisionForms verificationId={v.id} />
            </article>
          ))}
        </section>

        <section aria-labelledby="decided-heading" className="space-y-4">
          <h2 id="decided-heading" className="text-xl font-semibold">
            {t("decidedTitle")}
          </h2>
          <DataTable
            responsive="cards"
            caption={t("decidedCaption", { limit: DECIDED_LIMIT })}
            empty={t("decidedEmpty")}
            isEmpty={decided.length === 0}
            minWidth="min-w-[56rem]"
            columns={(["institution", "order", "status", "reason", "decidedBy", "decidedAt"] as const).map((c) => ({
              key: c,
              label: t(`columns.${c}`),
            }))}
          >
            {decided.map((v) => (
              <tr key={v.id}>
                <RowHeader>
                  {v.institutionName}
                  <div className="font-normal text-slate-600">{type(v)}</div>
                </RowHeader>
                <Td className="tabular-nums">
                  {v.orderNumber}
                  <div className="text-slate-600">{formatMoney(v.orderTotal)}</div>
                  <a href={proofHref(v)} download className="text-brand-700 underline">
                    {v.proofFileName}
                  </a>
                </Td>
                <Td>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${v.status === "approved" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
                  >
                    {tStatus(v.status)}
                  </span>
                </Td>
                <Td className="max-w-xs whitespace-pre-line break-words">{v.reason ?? t("noValue")}</Td>
                <Td className="whitespace-nowrap">{v.decidedByEmail ?? t("noValue")}</Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {v.decidedAt ? <time dateTime={v.decidedAt.toISOString()}>{time(v.decidedAt)}</time> : t("noValue")}
                </Td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </ClientMessages>
  );
}
