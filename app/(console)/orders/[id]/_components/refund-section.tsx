import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { buttonVariants } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { catalog } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { getOrder } from "@/lib/db/queries/orders";
import { findRefundOfOrder } from "@/lib/db/queries/refunds";
import type { OrderRefundRow, OrderRow } from "@/lib/db/schema";
import { formatMoney } from "@/lib/money";
import { nameOf } from "@/lib/pricing/messages";
import { loadRefundCase } from "@/lib/refunds/request";
import { refundPreview, simulateRefund, type IneligibleReason, type OrderRefund } from "@/lib/refunds/rule";
import { RefundForm } from "./refund-form";
import { RefundSimulator, type SimulatedDayView } from "./refund-simulator";

/** Whether an order's page has a refund section at all: once it is paid and active, or refunded. */
export const hasRefundSection = (order: Pick<OrderRow, "status">) =>
  order.status === "fulfilled" || order.status === "refunded" || order.status === "partially_refunded";

/**
 * "申请退款 / Request a refund" on a paid order: the preview (stop date, used and total days, paid, the
 * voucher part kept, the amount and each line's formula with its numbers), the simulator and the
 * confirmation; or why it cannot be refunded; or, once asked, the refund's state.
 */
export async function RefundSection({ db, order, userId, now }: { db: Db; order: OrderRow; userId: string; now: Date }) {
  const [t, format, locale] = [await getTranslations("Refunds"), await getFormatter(), await getLocale()];
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const own = await findRefundOfOrder(db, { orderId: order.id });
  if (own) {
    const root = own.rootOrderId === order.id ? undefined : await getOrder(db, { orderId: own.rootOrderId });
    return <RefundState refund={own} parentNumber={root?.number} now={now} />;
  }
  const found = await loadRefundCase(db, { orderId: order.id, userId });
  if (!found) return null;
  const judged = refundPreview(found.input, found.changes, now);
  if (!judged.ok) {
    const reason = (r: IneligibleReason) => {
      switch (r.code) {
        case "edition":
          return t("reasons.edition", { edition: nameOf(catalog, r.edition, locale) });
        case "too_late":
          return t("reasons.too_late", { date: day(r.endedAt) });
        default:
          return t(`reasons.${r.code}`);
      }
    };
    return (
      <Section id="order-refund" title={t("title")} className="text-sm">
        <div data-testid="refund-ineligible">
          <p className="mt-2">{t("notEligible")}</p>
          <ul className="mt-1 list-disc pl-5">
            {judged.reasons.map((r) => (
              <li key={r.code}>{reason(r)}</li>
            ))}
          </ul>
        </div>
      </Section>
    );
  }
  const { preview } = judged;
  const simulated: SimulatedDayView[] = simulateRefund(found.input, found.changes, now).map((d) => ({
    day: d.day,
    date: day(d.at),
    text: d.result.ok
      ? t("simulator.eligible", { date: day(d.at), stop: day(d.result.preview.stopAt), amount: formatMoney(d.result.preview.refund) })
      : t("simulator.tooLate", { date: day(d.at), ended: day(preview.eligibleUntil) }),
  }));
  const amount = formatMoney(preview.refund);
  return (
    <Section id="order-refund" title={t("title")} className="space-y-3 text-sm">
      <p className="text-slate-600">{t("intro")}</p>
      <p data-testid="refund-stop">{t("stopAt", { date: day(preview.stopAt) })}</p>
      {preview.orders.map((o) => (
        <RefundLines key={o.orderId} refund={o} isChange={o.orderId !== order.id} />
      ))}
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-slate-200 pt-3">
        <dt>{t("paid")}</dt>
        <dd className="text-right tabular-nums">{formatMoney(preview.paid)}</dd>
        <dt>{t("voucherKept")}</dt>
        <dd className="text-right tabular-nums" data-testid="refund-voucher">
          {formatMoney(preview.voucher)}
        </dd>
        <dt>{t("keptTotal")}</dt>
        <dd className="text-right tabular-nums">{formatMoney(preview.kept)}</dd>
        <dt className="text-base font-semibold">{t("amount")}</dt>
        <dd className="text-right text-base font-semibold tabular-nums" data-testid="refund-amount">
          {amount}
        </dd>
      </dl>
      {preview.keepsPhoneCredit && <p>{t("phoneCreditStays")}</p>}
      <p className="text-slate-600">
        {t("eligibleUntil", { date: format.dateTime(preview.eligibleUntil, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <RefundSimulator days={simulated} />
      <RefundForm orderId={order.id} amount={amount} />
    </Section>
  );
}

/** One order's lines in the preview: each with its paid amount, days, the part kept and its formula. */
async function RefundLines({ refund, isChange }: { refund: OrderRefund; isChange: boolean }) {
  const [t, locale] = [await getTranslations("Refunds"), await getLocale()];
  const columns = (["item", "paid", "days", "kept", "refund"] as const).map((c) => ({
    key: c,
    label: t(`col.${c}`),
    align: c === "item" ? undefined : ("right" as const),
  }));
  return (
    <div className="space-y-1">
      {isChange && <p className="font-medium">{t("changeOrder", { number: refund.number })}</p>}
      <DataTable columns={columns} framed={false} responsive="cards" caption={t("linesCaption", { number: refund.number })}>
        {refund.lines.map((l) => (
          <tr key={l.id}>
            <RowHeader>
              <span className="font-medium">{nameOf(catalog, l.sku, locale)}</span>
              <span className="block text-xs font-normal text-slate-600 tabular-nums" data-testid="refund-formula">
                {l.kind === "phone_pack"
                  ? t("phonePack")
                  : t("formula", { paid: formatMoney(l.paid), used: l.usedDays, total: l.totalDays, refund: formatMoney(l.refund) })}
              </span>
            </RowHeader>
            <Td align="right" className="tabular-nums">
              {formatMoney(l.paid)}
            </Td>
            <Td align="right" className="tabular-nums">
              {l.kind === "phone_pack" ? "—" : t("days", { used: l.usedDays, total: l.totalDays })}
            </Td>
            <Td align="right" className="tabular-nums">
              {formatMoney(l.kept)}
            </Td>
            <Td align="right" className="tabular-nums">
              {formatMoney(l.refund)}
            </Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/** A refund already asked: its amount and state, and whether the services still run. */
async function RefundState({ refund, parentNumber, now }: { refund: OrderRefundRow; parentNumber?: string; now: Date }) {
  const [t, format] = [await getTranslations("Refunds"), await getFormatter()];
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const amount = formatMoney(refund.amount);
  const date = day(refund.status === "succeeded" && refund.completedAt ? refund.completedAt : refund.createdAt);
  return (
    <Section id="order-refund" title={t("state.title")} className="space-y-2 text-sm">
      <p role="status" data-testid="refund-state" data-status={refund.status}>
        {t(`state.${refund.status}`, { amount, date })}
      </p>
      {parentNumber && <p>{t("state.withParent", { number: parentNumber })}</p>}
      {refund.kind === "goodwill" && <p>{t("state.goodwill", { reason: refund.reason })}</p>}
      {refund.status === "succeeded" && (
        <a
          href={`/orders/${refund.orderId}/credit-note/pdf`}
          download
          className={buttonVariants({ variant: "secondary", className: "text-sm" })}
        >
          {t("creditNote.download")}
        </a>
      )}
      {refund.stopAt && (
        <p data-testid="refund-services">
          {now < refund.stopAt ? t("state.continues", { date: day(refund.stopAt) }) : t("state.ended", { date: day(refund.stopAt) })}
        </p>
      )}
    </Section>
  );
}
