import Link from "next/link";
import { ClientMessages } from "@/components/client-messages";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { catalog } from "@/lib/catalog";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listUnpaidChangeOrders } from "@/lib/db/queries/lifecycle";
import { listOrdersForUser } from "@/lib/db/queries/orders";
import { listOrganisations } from "@/lib/db/queries/organisations";
import { phoneCreditBalance } from "@/lib/db/queries/services";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locale";
import { chargedDays } from "@/lib/lifecycle/calendar";
import { loadHeldState } from "@/lib/lifecycle/held";
import { quoteMessages } from "@/lib/lifecycle/messages";
import { quoteChange } from "@/lib/lifecycle/quote";
import { reminderThreshold } from "@/lib/lifecycle/reminders";
import { formatMoney } from "@/lib/money";
import { Decimal } from "@/lib/money/decimal";
import { nameOf } from "@/lib/pricing/messages";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { Nowrap } from "@/components/ui/nowrap";
import { Section } from "@/components/ui/section";
import { RefundLink } from "@/components/refunds/refund-link";
import { CancelScheduledButton } from "./_components/cancel-scheduled-button";
import { ChangePanel } from "./_components/change-panel";
import { firstChange } from "./_components/change-request";

export default async function ServicesPage() {
  const user = await requireUser("/console/services");
  const db = await getDb();
  const now = await requestNow();
  const organisations = await listOrganisations(db, { userId: user.id });
  const numbers = new Map((await listOrdersForUser(db, { userId: user.id })).map((o) => [o.id, o.number]));
  const withServices = await Promise.all(
    organisations.map(async (o) => ({
      org: o,
      ...(await loadHeldState(db, o)),
      unpaid: (await listUnpaidChangeOrders(db, { organisationId: o.id }))[0],
      credit: await phoneCreditBalance(db, { organisationId: o.id }),
    })),
  );
  const [t, ts, format, rawLocale] = [
    await getTranslations("Console"),
    await getTranslations("Services"),
    await getFormatter(),
    await getLocale(),
  ];
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const qm = quoteMessages();
  const day = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium" });
  const columns = (["Item", "Quantity", "Starts", "Expires", "UnitPrice", "Discount", "Source", "Pending"] as const).map((c) => ({
    key: c,
    label: c === "Discount" || c === "Source" || c === "Pending" ? ts(`col${c}`) : t(`col${c}`),
    align: c === "Quantity" || c === "UnitPrice" ? ("right" as const) : undefined,
  }));
  return (
    <ClientMessages namespaces={["Services"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("servicesTitle")}</h1>
        {withServices.length === 0 && <p className="text-slate-600">{t("noServices")}</p>}
        {withServices.map(({ org, state, rows, unpaid, credit }) => {
          const seats = rows.filter((r) => r.kind === "seats" && r.expiresAt > now);
          const seatsExpiry = seats.length ? new Date(Math.max(...seats.map((s) => s.expiresAt.getTime()))) : null;
          const daysLeft = seatsExpiry ? chargedDays(now, seatsExpiry) : null;
          const threshold = daysLeft === null ? null : reminderThreshold(daysLeft);
          const pending = state.pendingScheduled;
          const calendar = [...rows].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
          return (
            <Section key={org.id} id={`org-${org.id}`} title={org.name}>
              <p className="text-sm text-slate-600">
                {org.edition === "free"
                  ? t("editionFree")
                  : t("edition", { edition: nameOf(catalog, org.edition, locale), seats: org.seats ?? 0 })}{" "}
                · {t("phoneCredit", { amount: formatMoney(credit) })}
              </p>
              {threshold !== null && seatsExpiry && daysLeft !== null && (
                <p
                  role="status"
                  className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900"
                  data-testid="renewal-reminder"
                >
                  {ts("reminder", { date: day(seatsExpiry), days: daysLeft, threshold })}
                </p>
              )}
              {pending && (
                <div
                  className="mt-2 rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900"
                  data-testid="pending-scheduled"
                >
                  <h3 className="font-semibold">{ts("pendingTitle")}</h3>
                  <p>{ts("pending", { number: numbers.get(pending.orderId) ?? pending.orderId, date: day(pending.effectiveAt) })}</p>
                  <CancelScheduledButton orderId={pending.orderId} />
                </div>
              )}
              {unpaid && (
                <p className="mt-2 rounded-md bg-slate-100 px-4 py-3 text-slate-800" data-testid="unpaid-change">
                  {ts("unpaid", { number: unpaid.number })}{" "}
                  <Link href={`/orders/${unpaid.id}`} className="font-medium text-brand-700 underline">
                    {ts("unpaidLink", { number: unpaid.number })}
                  </Link>
                </p>
              )}
              {rows.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("noServices")}</p>
              ) : (
                <>
                  <div className="mt-3">
                    <DataTable
                      columns={columns}
                      framed={false}
                      responsive="cards"
                      caption={t("servicesCaption", { organisation: org.name })}
                    >
                      {rows.map((s) => (
                        <tr key={s.id}>
                          <RowHeader>
                            {nameOf(catalog, s.sku, locale)} <RefundLink orderId={s.sourceOrderId} item={nameOf(catalog, s.sku, locale)} />
                          </RowHeader>
                          <Td align="right">{s.quantity}</Td>
                          <Td>
                            <Nowrap>{day(s.startsAt)}</Nowrap>
                          </Td>
                          <Td>
                            <Nowrap data-testid={`expires-${s.sku}`}>{day(s.expiresAt)}</Nowrap>
                          </Td>
                          <Td align="right">
                            <Nowrap>{formatMoney(s.unitPrice)}</Nowrap>
                          </Td>
                          <Td>
                            {new Decimal(s.discount).eq(1)
                              ? ts("noDiscount")
                              : ts("discountPaid", { percent: new Decimal(s.discount).times(100).toDecimalPlaces(2).toString() })}
                          </Td>
                          <Td>
                            <Link href={`/orders/${s.sourceOrderId}`} className="text-brand-700 underline">
                              {numbers.get(s.sourceOrderId) ?? s.sourceOrderId}
                            </Link>
                          </Td>
                          <Td>
                            {pending && s.expiresAt > now
                              ? ts("pendingScheduled", { date: day(pending.effectiveAt) })
                              : unpaid
                                ? ts("pendingUnpaid", { number: unpaid.number })
                                : ts("none")}
                          </Td>
                        </tr>
                      ))}
                    </DataTable>
                  </div>
                  <section aria-labelledby={`calendar-${org.id}`} className="mt-4">
                    <h3 id={`calendar-${org.id}`} className="font-semibold">
                      {ts("calendarTitle")}
                    </h3>
                    <ol
                      className="mt-2 space-y-1 border-l-2 border-slate-200 pl-4 text-sm"
                      aria-label={ts("calendarCaption", { organisation: org.name })}
                    >
                      {calendar.map((s) => {
                        const isSeats = s.kind === "seats";
                        const align =
                          !isSeats && seatsExpiry && s.expiresAt < seatsExpiry && !pending
                            ? quoteChange(state, { kind: "renew", mode: "align", itemIds: [s.id] }, { now, catalog, messages: qm })
                            : undefined;
                        return (
                          <li key={s.id} className={isSeats ? "font-semibold" : undefined} data-testid={`calendar-${s.sku}`}>
                            <Nowrap>{day(s.expiresAt)}</Nowrap> · {nameOf(catalog, s.sku, locale)} × {s.quantity}
                            {isSeats && <> · {ts("seatsMark")}</>} · {ts("daysLeft", { days: chargedDays(now, s.expiresAt) })}
                            {align?.ok && <> · {ts("alignCost", { amount: formatMoney(align.total) })}</>}
                          </li>
                        );
                      })}
                    </ol>
                  </section>
                </>
              )}
              {seats.length > 0 && (
                <ChangePanel
                  organisationId={org.id}
                  state={state}
                  now={now.toISOString()}
                  messages={qm}
                  locale={locale}
                  first={quoteChange(state, firstChange(state), { now, catalog, messages: qm })}
                />
              )}
            </Section>
          );
        })}
      </div>
    </ClientMessages>
  );
}
