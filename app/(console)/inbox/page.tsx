import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";
import { decodeCursor, encodeCursor, listNotifications, unreadCount } from "@/lib/notifications";
import { renderNotice, type NoticeTranslator } from "@/lib/notifications/render";
import { MarkReadButton } from "./_components/mark-read-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Inbox");
  return { title: t("metaTitle") };
}

const PAGE_SIZE = 20;

/**
 * The signed-in user's notices, newest first (20 a page, keyset pagination through `?after=`): each in the
 * reader's language, unread ones marked, each opening its link through /inbox/<id> (which reads it).
 */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const user = await requireUser("/inbox");
  const after = decodeCursor((await searchParams).after);
  const db = await getDb();
  const [{ items, next }, unread] = [
    await listNotifications(db, { userId: user.id, limit: PAGE_SIZE, after }),
    await unreadCount(db, { userId: user.id }),
  ];
  const localeValue = await getLocale();
  const locale = isLocale(localeValue) ? localeValue : DEFAULT_LOCALE;
  const [t, root, format] = [await getTranslations("Inbox"), await getTranslations(), await getFormatter()];
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ClientMessages namespaces={["Inbox"]}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          {unread > 0 && <MarkReadButton />}
        </div>
        <p className="text-slate-600" role="status">
          {t("summary", { count: unread })}
        </p>
        {items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600">{t("empty")}</p>
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {items.map((n) => {
              const text = renderNotice(root as unknown as NoticeTranslator, messagesFor(locale), n, t("unknown"));
              const unreadNow = n.readAt === null;
              return (
                <li
                  key={n.id}
                  className={`flex flex-wrap items-start gap-3 p-4 ${unreadNow ? "bg-brand-50" : ""}`}
                  data-testid="inbox-item"
                >
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className={unreadNow ? "font-semibold" : ""}>
                      <span
                        className={`mr-2 rounded px-1.5 py-0.5 text-xs ${unreadNow ? "bg-red-700 text-white" : "bg-slate-100 text-slate-700"}`}
                      >
                        {unreadNow ? t("unread") : t("read")}
                      </span>
                      {/* A plain anchor: never prefetched, so only a click reads the notice. */}
                      <a href={`/inbox/${n.id}`} className="text-brand-800 underline hover:text-brand-700">
                        {text}
                      </a>
                    </p>
                    <p className="text-sm text-slate-600">
                      <time dateTime={n.createdAt.toISOString()}>{time(n.createdAt)}</time>
                    </p>
                  </div>
                  {unreadNow && <MarkReadButton notificationId={n.id} label={t("markReadLabel", { time: time(n.createdAt) })} />}
                </li>
              );
            })}
          </ul>
        )}
        {(after || next) && (
          <nav className="flex gap-4" aria-label={t("pages")}>
            {after && (
              <Link href="/inbox" className="text-brand-700 underline">
                {t("newest")}
              </Link>
            )}
            {next && (
              <Link href={`/inbox?after=${encodeURIComponent(encodeCursor(next))}`} className="text-brand-700 underline">
                {t("more")}
              </Link>
            )}
          </nav>
        )}
      </div>
    </ClientMessages>
  );
}
