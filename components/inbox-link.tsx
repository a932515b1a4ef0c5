import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications";

/**
 * "通知 / Notifications" in the signed-in header, with the unread count: shown as a badge, and read out
 * as part of the link's name ("通知（2 条未读）"), so it is never a bare number.
 */
export async function InboxLink({ user, className }: { user: CurrentUser; className: string }) {
  const [t, count] = [await getTranslations("Inbox"), await unreadCount(await getDb(), { userId: user.id })];
  return (
    <Link href="/inbox" className={`${className} inline-flex items-center gap-1`} data-testid="inbox-link">
      {t("nav")}
      {count > 0 && (
        <>
          <span
            aria-hidden="true"
            className="inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums"
          >
            {count > 99 ? "99+" : count}
          </span>
          <span className="sr-only">{t("navUnread", { count })}</span>
        </>
      )}
    </Link>
  );
}
