import Link from "next/link";
import { ClientMessages } from "@/components/client-messages";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { phoneRateCard } from "@/lib/catalog/phone-rates";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listOrganisations } from "@/lib/db/queries/organisations";
import { dailyUsage, getPhoneAccount, ledgerBalanceFen, ledgerPage, listApiKeys, listMemberPolicies } from "@/lib/db/queries/phone";
import { formatFen, formatMoney, parseFen } from "@/lib/money";
import { dayKey, runway } from "@/lib/phone/forecast";
import { rateText, rateVersionAt } from "@/lib/phone/rating";
import { buttonVariants } from "@/components/ui/button";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";
import { Section } from "@/components/ui/section";
import { AutoRechargeForm, CreateApiKeyForm, LowBalanceForm, PolicyForm, RevokeApiKeyButton } from "./_components/phone-forms";
import { listAgreementsForOrganisation } from "@/lib/db/queries/agreements";
import { UsageChart } from "./_components/usage-chart";

const PAGE = 50;
const DAY = 86_400_000;
const KNOWN_COUNTRIES = ["CN", "HK", "US", "GB", "JP", "SG"] as const;

export default async function PhonePage({ searchParams }: { searchParams: Promise<{ org?: string; before?: string }> }) {
  const user = await requireUser("/console/phone");
  const params = await searchParams;
  const db = await getDb();
  const now = await requestNow();
  const [t, format] = [await getTranslations("Phone"), await getFormatter()];
  const organisations = await listOrganisations(db, { userId: user.id });
  const org = organisations.find((o) => o.id === params.org) ?? organisations[0];
  if (!org)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-600">{t("noOrganisation")}</p>
      </div>
    );
  const before = params.before && /^\d{1,15}$/.test(params.before) ? Number(params.before) : undefined;
  const since = new Date(now.getTime() - 30 * DAY);
  const [balanceFen, account, usage, entries, keys, overrides, agreements] = await Promise.all([
    ledgerBalanceFen(db, { organisationId: org.id }),
    getPhoneAccount(db, { organisationId: org.id }),
    dailyUsage(db, { organisationId: org.id, since }),
    ledgerPage(db, { organisationId: org.id, before, limit: PAGE + 1 }),
    listApiKeys(db, { organisationId: org.id }),
    listMemberPolicies(db, { organisationId: org.id }),
    listAgreementsForOrganisation(db, { organisationId: org.id, purpose: "auto_recharge", status: "active" }),
  ]);
  const whole = (amount: string | null | undefined) => (amount ? String(Math.trunc(parseFen(amount) / 100)) : "");
  const days = Array.from({ length: 30 }, (_, i) => dayKey(new Date(now.getTime() - (29 - i) * DAY)));
  const spend = days.map((day) => ({ day, fen: usage.filter((u) => u.day === day).reduce((a, u) => a + u.fen, 0) }));
  const forecast = runway(balanceFen, spend, now);
  const page = entries.slice(0, PAGE);
  const olderCursor = entries.length > PAGE ? page.at(-1)!.seq : null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const version = rateVersionAt(phoneRateCard, now);
  const countryName = (c: string) =>
    (KNOWN_COUNTRIES as readonly string[]).includes(c) ? t(`countries.${c as (typeof KNOWN_COUNTRIES)[number]}`) : c;
  const orgQuery = `org=${encodeURIComponent(org.id)}`;
  return (
    <ClientMessages namespaces={["Phone"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {organisations.length > 1 && (
          <nav aria-label={t("organisations")} className="flex flex-wrap gap-2">
            {organisations.map((o) => (
              <Link
                key={o.id}
                href={`/console/phone?org=${encodeURIComponent(o.id)}`}
                aria-current={o.id === org.id ? "page" : undefined}
                className={buttonVariants({ variant: o.id === org.id ? "primary" : "secondary", size: "pill" })}
              >
                {o.name}
              </Link>
            ))}
          </nav>
        )}
        <Section id="phone-balance" title={`${t("balanceTitle")} · ${org.name}`}>
          <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid="phone-balance">
            {formatFen(balanceFen)}
          </p>
          {account && parseFen(account.overdraft) > 0 && (
            <p className="text-sm text-slate-600">{t("overdraft", { amount: formatMoney(account.overdraft) })}</p>
          )}
          <p className="mt-2" data-testid="phone-forecast">
            {forecast.kind === "days"
              ? t("forecast.days", { days: forecast.days, until: format.dateTime(forecast.until, { dateStyle: "medium" }) })
              : forecast.kind === "empty"
                ? t("forecast.empty")
                : t("forecast.none")}
          </p>
          {forecast.kind === "days" && (
            <p className="text-sm text-slate-600">{t("forecast.basis", { average: formatFen(forecast.averageFen) })}</p>
          )}
        </Section>

        <Section id="phone-usage" title={t("usageTitle")}>
          {usage.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("noUsage")}</p> : <UsageChart days={days} usage={usage} />}
        </Section>

        <Section id="phone-ledger" title={t("ledgerTitle")}>
          <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("ledgerCaption")}>
            <DataTable
              caption={t("ledgerCaption")}
              framed={false}
              isEmpty={page.length === 0}
              empty={t("noEntries")}
              columns={[
                { key: "when", label: t("colWhen") },
                { key: "entry", label: t("colEntry") },
                { key: "details", label: t("colDetails") },
                { key: "amount", label: t("colAmount"), align: "right" },
              ]}
            >
              {page.map((e) => (
                <tr key={e.id}>
                  <Td>
                    <Nowrap>{when(e.createdAt)}</Nowrap>
                  </Td>
                  <RowHeader>{t(`entry.${e.kind}`)}</RowHeader>
                  <Td>
                    {e.kind === "call" && e.callKind && e.rate
                      ? t("callDetails", {
                          kind: t(`kinds.${e.callKind as "call_me"}`),
                          country: countryName(e.country ?? ""),
                          minutes: e.minutes ?? 0,
                          rate: `¥${rateText(e.rate)}`,
                        })
                      : (e.note ?? "")}
                  </Td>
                  <Td align="right">
                    <Nowrap>{formatMoney(e.amount)}</Nowrap>
                  </Td>
                </tr>
              ))}
            </DataTable>
          </div>
          <div className="mt-3 flex gap-3">
            {before && (
              <Link href={`/console/phone?${orgQuery}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("newest")}
              </Link>
            )}
            {olderCursor && (
              <Link
                href={`/console/phone?${orgQuery}&before=${olderCursor}`}
                className={buttonVariants({ variant: "secondary", size: "sm" })}
              >
                {t("older")}
              </Link>
            )}
          </div>
          <h3 className="mt-5 font-semibold">{t("exportTitle")}</h3>
          <form method="get" action="/console/phone/export" className="mt-2 flex flex-wrap items-end gap-3">
            <input type="hidden" name="org" value={org.id} />
            <div>
              <label htmlFor="export-from" className="block text-sm font-medium">
                {t("exportFrom")}
              </label>
              <input
                id="export-from"
                name="from"
                type="date"
                defaultValue={days[0]}
                className="rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
            <div>
              <label htmlFor="export-to" className="block text-sm font-medium">
                {t("exportTo")}
              </label>
              <input
                id="export-to"
                name="to"
                type="date"
                defaultValue={days.at(-1)}
                className="rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
            <button type="submit" className={buttonVariants({ variant: "secondary" })}>
              {t("exportButton")}
            </button>
          </form>
        </Section>

        <Section id="phone-alert" title={t("alertTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("alertHelp")}</p>
          <LowBalanceForm organisationId={org.id} threshold={whole(account?.lowBalanceThreshold)} />
        </Section>

        <Section id="phone-auto" title={t("autoTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("autoHelp")}</p>
          {account && account.autoRechargeFailures > 0 && (
            <p className="mt-1 text-sm text-amber-800">{t("autoFailures", { count: account.autoRechargeFailures })}</p>
          )}
          <AutoRechargeForm
            organisationId={org.id}
            agreements={agreements.map((a) => ({
              id: a.id,
              label: `${a.description} · ${format.dateTime(a.createdAt, { dateStyle: "medium" })}`,
            }))}
            values={{
              enabled: account?.autoRechargeEnabled ?? false,
              agreementId: account?.agreementId ?? agreements[0]?.id ?? "",
              threshold: whole(account?.autoRechargeThreshold) || "50",
              mode: account?.autoRechargeMode ?? "amount",
              amount: whole(account?.autoRechargeAmount) || "100",
              target: whole(account?.autoRechargeTarget),
              monthlyCap: whole(account?.autoRechargeMonthlyCap) || "500",
            }}
          />
        </Section>

        <Section id="phone-policy" title={t("policyTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("policyHelp")}</p>
          <PolicyForm organisationId={org.id} current={account?.outboundPolicy ?? "any"} />
          <h3 className="mt-4 font-semibold">{t("memberOverrides")}</h3>
          {overrides.length > 0 && (
            <ul className="mt-1 list-inside list-disc text-sm">
              {overrides.map((o) => (
                <li key={o.member}>
                  {o.member}: {t(`policies.${o.policy}`)}
                </li>
              ))}
            </ul>
          )}
          <PolicyForm organisationId={org.id} current="inherit" member />
        </Section>

        <Section id="phone-keys" title={t("keysTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("keysHelp")}</p>
          <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("keysCaption")}>
            <DataTable
              caption={t("keysCaption")}
              framed={false}
              isEmpty={keys.length === 0}
              empty={t("noKeys")}
              columns={[
                { key: "name", label: t("colName") },
                { key: "scopes", label: t("colScopes") },
                { key: "created", label: t("colCreated") },
                { key: "status", label: t("colStatus") },
              ]}
            >
              {keys.map((k) => (
                <tr key={k.id}>
                  <RowHeader>{k.name}</RowHeader>
                  <Td>{k.scopes.join(", ")}</Td>
                  <Td>
                    <Nowrap>{when(k.createdAt)}</Nowrap>
                  </Td>
                  <Td>
                    {k.revokedAt ? (
                      t("revoked", { when: when(k.revokedAt) })
                    ) : (
                      <div className="flex items-center gap-2">
                        {t("active")} <RevokeApiKeyButton organisationId={org.id} keyId={k.id} name={k.name} />
                      </div>
                    )}
                  </Td>
                </tr>
              ))}
            </DataTable>
          </div>
          <CreateApiKeyForm organisationId={org.id} />
        </Section>

        {version && (
          <Section id="phone-rates" title={t("ratesTitle")}>
            <p className="mt-1 text-sm text-slate-600">{t("ratesHelp", { version: version.version })}</p>
            <p className="mt-1 text-sm">{t("dialInRates", { toll: `¥${version.dialIn.toll}`, tollFree: `¥${version.dialIn.tollFree}` })}</p>
            <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("ratesCaption")}>
              <DataTable
                caption={t("ratesCaption")}
                framed={false}
                columns={[
                  { key: "dest", label: t("colDestination") },
                  { key: "callMe", label: t("colCallMe"), align: "right" },
                  { key: "dialOut", label: t("colDialOut"), align: "right" },
                ]}
              >
                {Object.keys(version.dialOut).map((c) => (
                  <tr key={c}>
                    <RowHeader>{countryName(c)}</RowHeader>
                    <Td align="right">{version.callMe[c] ? `¥${version.callMe[c]}` : "—"}</Td>
                    <Td align="right">¥{version.dialOut[c]}</Td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </Section>
        )}
      </div>
    </ClientMessages>
  );
}
