"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const MINUTE = 60_000;

/**
 * How long the quote stays open, counting down each minute. It starts from the server's clock
 * (`now`), so a browser with a wrong clock still shows the true time left.
 */
export function ExpiryCountdown({ expiresAt, now }: { expiresAt: string; now: string }) {
  const t = useTranslations("Quotes.view");
  const format = useFormatter();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const id = setInterval(() => setElapsed(Date.now() - start), MINUTE / 4);
    return () => clearInterval(id);
  }, []);
  const end = new Date(expiresAt);
  const left = Math.max(0, end.getTime() - new Date(now).getTime() - elapsed);
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
