import type { NotificationParams } from "@/lib/db/schema";

/** What renders a notice: next-intl's root translator (getTranslations() / createTranslator without a namespace). */
export type NoticeTranslator = (key: string, params?: NotificationParams) => string;

/**
 * Whether a dotted key names a message (not a namespace, not missing). A message is a string, or the
 * array the build precompiles one with arguments into (next.config.js); a namespace is a plain object.
 */
function isMessageAt(messages: unknown, key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" || Array.isArray(node);
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
  if (!isMessageAt(messages, notice.messageKey)) return fallback;
  try {
    return t(notice.messageKey, notice.params);
  } catch {
    // A message whose arguments are missing or malformed.
    return fallback;
  }
}
