import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locale";

describe("negotiateLocale", () => {
  it.each([
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.7", "zh-CN"],
    ["fr-FR,de;q=0.5", "zh-CN"],
    ["en;q=0, zh;q=0.1", "zh-CN"],
    ["*", "zh-CN"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
