"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Time left until `expiresAt`, judged from the server's `now` plus the time this page has been open. */
function useTimeLeft(expiresAt: string, now: string, tick: number) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const id = setInterval(() => setElapsed(Date.now() - start), tick);
    return () => clearInterval(id);
  }, [tick]);
  const end = new Date(expiresAt);
  return { end, left: Math.max(0, end.getTime() - new Date(now).getTime() - elapsed) };
}

/**
 * How long something stays open, counting down. It starts from the server's clock (`now`), so a
 * browser with a wrong clock still shows the true time left. `quote` (the default): a quote's
 * expiry in days, hours and minutes; `payment`: an order's payment deadline in minutes and seconds,
 * refreshing the page when it passes (the server then expires the order).
 */
export function ExpiryCountdown({ expiresAt, now, variant = "quote" }: { expiresAt: string; now: string; variant?: "quote" | "payment" }) {
  return variant === "payment" ? <PaymentCountdown expiresAt={expiresAt} now={now} /> : <QuoteCountdown expiresAt={expiresAt} now={now} />;
}

function QuoteCountdown({ expiresAt, now }: { expiresAt: string; now: string }) {
  const t = useTranslations("Quotes.view");
  const format = useFormatter();
  const { end, left } = useTimeLeft(expiresAt, now, MINUTE / 4);
  const days = Math.floor(left / (24 * 60 * MINUTE));
  const hours = Math.floor((left % (24 * 60 * MINUTE)) / (60 * MINUTE));
  const minutes = Math.floor((left % (60 * MINUTE)) / MINUTE);
  return (
    <p className="text-sm">
      <span className="font-medium">{t("validUntil", { date: format.dateTime(end, { dateStyle: "long", timeStyle: "short" }) })}</span>{" "}
      <span role="timer" aria-live="off" className="text-slate-600" data-testid="quote-countdown">
        {left === 0 ? t("expiredNow") : t("left", { days, hours, minutes })}
      </span>
    </p>
  );
}

function PaymentCountdown({ expiresAt, now }: { expiresAt: string; now: string }) {
  const t = useTranslations("OrderStates.deadline");
  const format = useFormatter();
  const router = useRouter();
  const { end, left } = useTimeLeft(expiresAt, now, SECOND);
  const over = left === 0;
  useEffect(() => {
    if (over) router.refresh();
  }, [over, router]);
  return (
    <p className="text-sm">
      <span className="font-medium">{t("payBy", { time: format.dateTime(end, { dateStyle: "medium", timeStyle: "short" }) })}</span>{" "}
      <span role="timer" aria-live="off" className="tabular-nums" data-testid="payment-countdown">
        {over ? t("expiredNow") : t("left", { minutes: Math.floor(left / MINUTE), seconds: Math.floor((left % MINUTE) / SECOND) })}
      </span>
    </p>
  );
}
