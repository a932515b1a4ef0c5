import type { NotificationParams } from "@/lib/db/schema";

/** What renders a notice: next-intl's root translator (getTranslations() / createTranslator without a namespace). */
export type NoticeTranslator = (key: string, params?: NotificationParams) => string;

/** The message at a dotted key, if it is one (not a namespace, not missing). */
function messageAt(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * A notice's text in the reader's language: its message key (in the emitting area's namespace) rendered
 * with its params by `t`; a key `messages` (the reader's locale's) no longer hold as a message gives
 * `fallback`, never the raw key.
 */
export function renderNotice(
  t: NoticeTranslator,
  messages: unknown,
  notice: { messageKey: string; params: NotificationParams },
  fallback: string,
): string {
  if (messageAt(messages, notice.messageKey) === undefined) return fallback;
  try {
    return t(notice.messageKey, notice.params);
  } catch {
    // A message whose arguments are missing or malformed.
    return fallback;
  }
}
