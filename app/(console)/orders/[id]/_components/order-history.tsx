import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/orders/display";
import { isOneOf } from "@/lib/i18n/keys";

const CAUSES = [
  "checkout",
  "buyer_cancelled",
  "expired_unpaid",
  "zero_total",
  "payment_notification",
  "status_query",
  "late_payment",
  "fulfilled",
] as const;
/** A refund's causes (lib/payments/refund.ts), worded in messages/refunds. */
const REFUND_CAUSES = ["refund_notification", "refund_status_query", "refund_nothing_to_return"] as const;

/** The order's history: status changes with their cause, failed and cancelled payment attempts, the verification's decision. */
export async function OrderHistory({ entries }: { entries: TimelineEntry[] }) {
  const [t, tOrder, tRefunds, format] = [
    await getTranslations("OrderStates"),
    await getTranslations("Order"),
    await getTranslations("Refunds"),
    await getFormatter(),
  ];
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const text = (e: TimelineEntry) => {
    if (e.kind === "attempt") return t(`attempt.${e.status}`, { n: e.attempt });
    if (e.kind === "verification") return t(`verificationEvent.${e.status}`);
    const status = tOrder(`status.${e.status}`);
    if (isOneOf(REFUND_CAUSES, e.cause)) return t("withCause", { status, cause: tRefunds(`cause.${e.cause}`) });
    return isOneOf(CAUSES, e.cause) ? t("withCause", { status, cause: t(`cause.${e.cause}`) }) : status;
  };
  return (
    <ol className="space-y-1" data-testid="order-history">
      {entries.map((e, i) => (
        <li key={i} data-kind={e.kind}>
          {tOrder("event", { time: time(e.at), status: text(e) })}
        </li>
      ))}
    </ol>
  );
}
