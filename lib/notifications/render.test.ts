import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { renderNotice, type NoticeTranslator } from "./render";

const translator = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale) }) as unknown as NoticeTranslator;

describe("renderNotice: a stored key rendered in the reader's language", () => {
  it.each<[Locale, string]>([
    ["zh-CN", "你已授权自动扣款：会员每月续费。可随时在“自动扣款”中取消。"],
    ["en", "You authorised automatic charges: 会员每月续费. You can cancel them any time under Automatic charges."],
  ])("%s", (locale, text) => {
    const notice = { messageKey: "PlatformAgreements.inbox.created", params: { description: "会员每月续费" } };
    expect(renderNotice(translator(locale), messagesFor(locale), notice, "?")).toBe(text);
  });

  it.each(["Nowhere.missing", "PlatformAgreements.inbox", "PlatformAgreements"])("%s gives the fallback, never the key", (messageKey) => {
    expect(renderNotice(translator("en"), messagesFor("en"), { messageKey, params: {} }, "You have a notification.")).toBe(
      "You have a notification.",
    );
  });
});
