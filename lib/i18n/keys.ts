import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";

/** Every message key of the app ("Buy.edition", "Auth.errors.emailTaken", …), from next-intl's typed `AppConfig`. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** What `translateKnown` needs of a root translator (`useTranslations()` / `getTranslations()`). */
export interface RootTranslator {
  (key: MessageKey): string;
  has(key: MessageKey): boolean;
}

/**
 * Translates a key that arrives as data (a schema's message, an error code from the server): the
 * first candidate the message files know, else `fallback`. Statically written keys need no
 * helper; this is the one place an unchecked string is tested against the messages.
 */
export function translateKnown(t: RootTranslator, candidates: readonly (string | null | undefined)[], fallback?: MessageKey): string {
  const has: (key: string) => boolean = (key) => (t.has as (key: string) => boolean)(key);
  const known = candidates.find((k): k is MessageKey => typeof k === "string" && k !== "" && has(k));
  if (known) return t(known);
  // Without a fallback an unknown key reads as itself, as next-intl shows a missing message.
  return fallback ? t(fallback) : (candidates.find((k) => typeof k === "string") ?? "");
}

/** Narrows a stored string to one of a list's values, so a message key built from it is checked too. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
