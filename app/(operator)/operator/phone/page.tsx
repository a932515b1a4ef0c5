import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getPhoneAccount, ledgerBalanceFen, listGrants, phoneFacts } from "@/lib/db/queries/phone";
import { formatFen, parseFen } from "@/lib/money";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { AdjustmentForm, PhoneAccessForm } from "./_components/operator-phone-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PhoneOperator");
  return { title: t("title"), robots: { index: false } };
}

/** Operators (and sales, for grants) record an organisation's phone grants and overdraft, and adjust its credit with a reason. */
export default async function OperatorPhonePage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const user = await requireRole(["operator", "sales"], "/operator/phone");
  const { org: orgId = "" } = await searchParams;
  const [t, format] = [await getTranslations("PhoneOperator"), await getFormatter()];
  const db = await getDb();
  const facts = orgId ? await phoneFacts(db, { organisationId: orgId }) : null;
  const grants = facts ? await listGrants(db, { organisationId: orgId }) : [];
  const account = facts ? await getPhoneAccount(db, { organisationId: orgId }) : null;
  const balance = facts ? await ledgerBalanceFen(db, { organisationId: orgId }) : 0;
  return (
    <ClientMessages namespaces={["PhoneOperator"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} />
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="op-org" className="block text-sm font-medium">
              {t("organisation")}
            </label>
            <input id="op-org" name="org" defaultValue={orgId} className="rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            {t("find")}
          </button>
        </form>
        {orgId && !facts && <p className="text-red-700">{t("notFound")}</p>}
        {facts && (
          <>
            <Section id="op-phone-grants" title={`${t("grantsTitle")} · ${facts.name}`}>
              <p className="mt-1 text-sm text-slate-600">
                {facts.edition} · {formatFen(balance)}
              </p>
              <ul className="mt-1 text-sm text-slate-600">
                {grants.map((g) => (
                  <li key={g.grant}>
                    {t(g.grant === "dial_out" ? "grantDialOut" : "grantOverseas")}:{" "}
                    {t("grantedBy", { by: g.grantedBy, when: format.dateTime(g.grantedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </li>
                ))}
              </ul>
              <PhoneAccessForm
                organisationId={orgId}
                dialOut={grants.some((g) => g.grant === "dial_out")}
                overseas={grants.some((g) => g.grant === "overseas")}
                overdraft={String(Math.trunc(parseFen(account?.overdraft ?? "0") / 100))}
              />
            </Section>
            {user.role === "operator" && (
              <Section id="op-phone-adjust" title={t("adjustTitle")}>
                <AdjustmentForm organisationId={orgId} />
              </Section>
            )}
          </>
        )}
      </div>
    </ClientMessages>
  );
}
