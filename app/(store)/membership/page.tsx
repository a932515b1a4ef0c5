import { ClientMessages } from "@/components/client-messages";
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUser } from "@/lib/auth/session";
import { findTier, membershipCatalog as catalog } from "@/lib/catalog/membership";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getVerifiedPhone, listGiftsGiven, listGiftsReceived, listMembershipOrders } from "@/lib/db/queries/memberships";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locale";
import { MEMBERSHIP_AGREEMENTS, membershipStates } from "@/lib/membership/place";
import {
  daysLeft,
  giftPriceFen,
  isActive,
  largestActive,
  quoteUpgrade,
  upgradeTargets,
  UPGRADE_DAYS_PER_MONTH,
} from "@/lib/membership/rules";
import { formatMoney, parseFen } from "@/lib/money";
import { AutoRenewButton } from "./_components/auto-renew-button";
import { GiftForm } from "./_components/gift-form";
import { OpenForm } from "./_components/open-form";
import { PhoneForm } from "./_components/phone-form";
import { UpgradeForm } from "./_components/upgrade-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Membership");
  return { title: t("metaTitle") };
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/** /membership: current tiers, expiry and auto-renewal; open or renew, upgrade (price explained), gift; history. */
export default async function MembershipPage({ searchParams }: { searchParams: Promise<{ tier?: string }> }) {
  const user = await requireUser("/membership");
  const [{ tier: tierParam }, db, now, t, format, rawLocale] = [
    await searchParams,
    await getDb(),
    await requestNow(),
    await getTranslations("Membership"),
    await getFormatter(),
    await getLocale(),
  ];
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const [states, orders, given, received, phone] = await Promise.all([
    membershipStates(db, user.id),
    listMembershipOrders(db, { userId: user.id }),
    listGiftsGiven(db, { userId: user.id }),
    listGiftsReceived(db, { userId: user.id }),
    getVerifiedPhone(db, { userId: user.id }),
  ]);
  const nameOf = (id: string) => findTier(catalog, id)?.name[locale] ?? id;
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const shown = MEMBERSHIP_AGREEMENTS().map((a) => ({ id: a.id, version: a.version, title: a.title[locale] }));
  const active = states.filter((m) => isActive(m, now)).sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());

  // Upgrade: from the largest running membership, priced per target by the one rule.
  const current = largestActive(catalog, states, now);
  const targets = upgradeTargets(catalog, states, now);
  const quotes = targets
    .map((target) => ({ target, quote: quoteUpgrade(catalog, { memberships: states, to: target.id, now }) }))
    .flatMap(({ target, quote }) => (quote.ok ? [{ target, quote }] : []));

  return (
    <ClientMessages namespaces={["Membership"]}>
      <div className="mx-auto max-w-4xl space-y-6">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>

        {received.map((g) => (
          <div key={g.id} role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
            <p>{t("notice.giftReceived", { months: g.months, tier: nameOf(g.tier), phone: mask(g.phone) })}</p>
            {g.message && <p className="text-sm">{t("notice.giftMessage", { message: g.message })}</p>}
          </div>
        ))}

        <Section id="current-title" title={t("current.title")}>
          {active.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("current.none")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {active.map((m) => (
                <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 py-3" aria-label={nameOf(m.tier)}>
                  <div className="space-y-0.5">
                    <p className="font-medium">{nameOf(m.tier)}</p>
                    <p className="text-sm text-slate-700">
                      {t("current.expires", { time: time(m.expiresAt) })} · {t("current.daysLeft", { days: daysLeft(m.expiresAt, now) })}
                    </p>
                    <p className="text-sm text-slate-700">{m.autoRenew ? t("current.autoRenewOn") : t("current.autoRenewOff")}</p>
                  </div>
                  {(m.autoRenew || m.agreementId || m.agreementOrderId) && <AutoRenewButton membershipId={m.id} autoRenew={m.autoRenew} />}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="open-title" title={t("open.title")}>
          <OpenForm
            tiers={catalog.tiers.map((x) => ({
              id: x.id,
              name: x.name[locale],
              meetingSize: x.meetingSize,
              monthFen: parseFen(x.monthPrice),
              running: active.some((m) => m.tier === x.id),
            }))}
            maxMonths={catalog.terms.maxMonths}
            agreements={shown}
            idempotencyKey={randomUUID()}
            defaultTier={tierParam && findTier(catalog, tierParam) ? tierParam : undefined}
          />
        </Section>

        <Section id="upgrade-title" title={t("upgrade.title")}>
          {!current ? (
            <p className="mt-2 text-slate-700">{t("upgrade.noneToUpgrade")}</p>
          ) : targets.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("upgrade.largest")}</p>
          ) : daysLeft(current.expiresAt, now) < UPGRADE_DAYS_PER_MONTH ? (
            <p className="mt-2 text-slate-700" data-testid="upgrade-refused">
              {t("upgrade.tooFewDays", { tier: nameOf(current.tier), days: daysLeft(current.expiresAt, now) })}{" "}
              <Link href={`/membership?tier=${current.tier}#open-title`} className="font-medium text-brand-700 underline">
                {t("upgrade.renewInstead")}
              </Link>
            </p>
          ) : (
            quotes.length > 0 && (
              <>
                <p className="mt-2 text-sm text-slate-700">
                  {t("upgrade.from", { tier: nameOf(current.tier), days: quotes[0]!.quote.daysLeft, max: quotes[0]!.quote.maxMonths })}
                </p>
                <UpgradeForm
                  fromName={nameOf(current.tier)}
                  paidMonthFen={quotes[0]!.quote.paidMonthFen}
                  maxMonths={quotes[0]!.quote.maxMonths}
                  targets={quotes.map(({ target, quote }) => ({
                    id: target.id,
                    name: target.name[locale],
                    listMonthFen: quote.listMonthFen,
                    pricePerMonthFen: quote.pricePerMonthFen,
                  }))}
                  agreements={shown}
                  idempotencyKey={randomUUID()}
                />
              </>
            )
          )}
        </Section>

        <Section id="gift-title" title={t("gift.title")}>
          <p className="mt-2 text-sm text-slate-700">{t("gift.intro")}</p>
          <GiftForm
            terms={catalog.giftMonths.map((months) => ({ months, priceFen: giftPriceFen(catalog, months) ?? 0 }))}
            agreements={shown}
            idempotencyKey={randomUUID()}
          />
        </Section>

        <Section id="phone-title" title={t("phone.title")}>
          <p className="mt-2 text-sm text-slate-700">{t("phone.intro")}</p>
          {phone ? <p className="mt-2 font-medium">{t("phone.verified", { phone: mask(phone) })}</p> : <PhoneForm />}
        </Section>

        <Section id="history-title" title={t("history.title")}>
          <h3 className="mt-3 font-medium">{t("history.orders")}</h3>
          {orders.length === 0 ? (
            <p className="text-sm text-slate-700">{t("history.noOrders")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {orders.map((o) => (
                <li key={o.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 underline">
                      {o.number}
                    </Link>{" "}
                    {t(`history.kind.${o.kind as "membership"}`)} · {nameOf(o.edition)} · {time(o.createdAt)}
                  </span>
                  <span className="tabular-nums">{formatMoney(o.total)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-medium">{t("history.given")}</h3>
          {given.length === 0 ? (
            <p className="text-sm text-slate-700">{t("history.none")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm" aria-label={t("history.given")}>
              {given.map((g) => (
                <li key={g.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{t("history.giftLine", { tier: nameOf(g.tier), months: g.months, phone: mask(g.phone) })}</span>
                  <StatusBadge tone={g.status === "claimed" ? "success" : "waiting"}>{t(`history.giftStatus.${g.status}`)}</StatusBadge>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-medium">{t("history.received")}</h3>
          {received.length === 0 ? (
            <p className="text-sm text-slate-700">{t("history.none")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm" aria-label={t("history.received")}>
              {received.map((g) => (
                <li key={g.id} className="py-2">
                  {t("history.receivedLine", { tier: nameOf(g.tier), months: g.months, time: g.claimedAt ? time(g.claimedAt) : "" })}
                  {g.message && <span className="block text-slate-600">“{g.message}”</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </ClientMessages>
  );
}
