"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { markNotificationsRead } from "@/lib/actions/mark-notifications-read";
import { Button } from "@/components/ui/button";

/** "标为已读" for one notice (with `notificationId` and its accessible `label`), or "全部标为已读" for all. */
export function MarkReadButton({ notificationId, label }: { notificationId?: string; label?: string }) {
  const t = useTranslations("Inbox");
  const [state, action, pending] = useActionState(markNotificationsRead, null);
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {notificationId ? t("markRead") : t("markAllRead")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {t("failed")}
        </p>
      )}
    </form>
  );
}
