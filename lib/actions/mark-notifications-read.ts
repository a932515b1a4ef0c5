"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markRead } from "@/lib/notifications";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

const schema = z.object({ notificationId: z.uuid().optional() });

/** What markNotificationsRead answers; only bugs throw. */
export type MarkNotificationsReadResult = { ok: true; marked: number } | { ok: false; error: "INVALID" | "UNAUTHENTICATED" };

/**
 * The reader marks their own notices read: the one of form field `notificationId`, or (without it) all of
 * them. Another user's id changes nothing. The header's unread count follows (the layout is revalidated).
 */
export const markNotificationsRead: FormAction<MarkNotificationsReadResult> = toFormAction(
  "user",
  ["notificationId"],
  publicAction("mark-notifications-read", schema)
    .useValidated(signedIn)
    .action(async ({ parsedInput, ctx }): Promise<MarkNotificationsReadResult> => {
      const marked = await markRead(ctx.db, {
        userId: ctx.user.id,
        ids: parsedInput.notificationId ? [parsedInput.notificationId] : undefined,
        now: ctx.now,
      });
      revalidatePath("/", "layout");
      return { ok: true, marked };
    }),
  (): MarkNotificationsReadResult => ({ ok: false, error: "INVALID" }),
);
