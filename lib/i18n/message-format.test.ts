import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "use-intl/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveMessageLocale } from "./message-format";

afterEach(() => vi.restoreAllMocks());

describe("the locale of a formatted message", () => {
  it("is installed as intl-messageformat's resolver", () => {
    expect(IntlMessageFormat.resolveLocale).toBe(resolveMessageLocale);
  });

  it.each([
    ["zh-CN", "{seats} 个席位，共 {total}", "3 个席位，共 ¥1.00"],
    ["en", "{seats, plural, one {# seat} other {# seats}}, {total}", "3 seats, ¥1.00"],
  ])("%s: taken as given, without asking ICU for its locales, and formats as before", (locale, message, formatted) => {
    const supported = vi.spyOn(Intl.NumberFormat, "supportedLocalesOf");
    const format = new IntlMessageFormat(message, locale);
    expect(format.resolvedOptions().locale).toBe(locale);
    expect(format.format({ seats: 3, total: "¥1.00" })).toBe(formatted);
    expect(supported).not.toHaveBeenCalled();
  });

  it("next-intl's translators format through it", () => {
    const supported = vi.spyOn(Intl.NumberFormat, "supportedLocalesOf");
    const messages: Record<string, Record<string, string>> = { A: { b: "共 {n} 项" } };
    const t = createTranslator({ locale: "zh-CN", messages, namespace: "A" });
    expect(t("b", { n: 2 })).toBe("共 2 项");
    expect(supported).not.toHaveBeenCalled();
  });

  it.each([["fr-FR"], [["de", "en"]]] as const)("any other locale (%j) is resolved as the library does", (locales) => {
    const supported = vi.spyOn(Intl.NumberFormat, "supportedLocalesOf");
    const expected = Intl.NumberFormat.supportedLocalesOf(locales)[0];
    supported.mockClear();
    expect(resolveMessageLocale([...[locales].flat()])?.toString()).toBe(expected);
    expect(supported).toHaveBeenCalledTimes(1);
  });
});
