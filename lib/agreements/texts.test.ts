import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/catalog/ids";
import { agreements } from "./index";
import { agreementDocument, assertAgreementTextsValid } from "./texts";

describe("agreement texts", () => {
  const texts = assertAgreementTextsValid();

  it("cover every agreement, and nothing else", () => {
    expect(texts.map((t) => t.id).sort()).toEqual(agreements.map((a) => a.id).sort());
  });

  describe.each(texts.flatMap((t) => t.versions.map((v) => [t.id, v.version, v] as const)))("%s version %s", (_id, _version, v) => {
    it.each(LOCALES)("has its full text in %s: several sections, each with a heading and paragraphs", (locale) => {
      const sections = v.sections[locale];
      expect(sections.length).toBeGreaterThanOrEqual(3);
      for (const s of sections) {
        expect(s.heading.trim()).not.toBe("");
        expect(s.paragraphs.length).toBeGreaterThan(0);
        for (const p of s.paragraphs) expect(p.trim().length).toBeGreaterThan(20);
      }
    });

    it("has the same structure in both languages", () => {
      expect(v.sections.en.map((s) => s.paragraphs.length)).toEqual(v.sections["zh-CN"].map((s) => s.paragraphs.length));
    });

    it("is written in each language (Chinese text in zh-CN, none in en)", () => {
      const zh = v.sections["zh-CN"].flatMap((s) => [s.heading, ...s.paragraphs]).join("");
      const en = v.sections.en.flatMap((s) => [s.heading, ...s.paragraphs]).join("");
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it.each(agreements.map((a) => [a.id, a.version] as const))("%s opens at its current version %s by default", (id, version) => {
    const doc = agreementDocument(id);
    expect(doc?.text.version).toBe(version);
    expect(doc?.current).toBe(true);
    expect(agreementDocument(id, version)?.text.version).toBe(version);
  });

  it("keeps an earlier version readable, marked as not current", () => {
    const old = agreementDocument("purchase-terms", "2025-10-01");
    expect(old?.current).toBe(false);
    expect(old?.text.sections["zh-CN"].length).toBeGreaterThanOrEqual(3);
    expect(old?.versions.map((v) => v.version)).toEqual(["2026-03-01", "2025-10-01"]);
  });

  it("answers undefined for an unknown agreement or version", () => {
    expect(agreementDocument("nope")).toBeUndefined();
    expect(agreementDocument("service-terms", "1999-01-01")).toBeUndefined();
  });

  it("states the purchase rules of PRODUCT.md: 31-day refunds for business and enterprise, vouchers never refunded", () => {
    const text = (locale: "zh-CN" | "en") =>
      agreementDocument("purchase-terms")!
        .text.sections[locale].flatMap((s) => s.paragraphs)
        .join(" ");
    expect(text("zh-CN")).toContain("31 天内申请退款");
    expect(text("zh-CN")).toContain("代金券及其抵扣的金额在任何情况下均不予退还");
    expect(text("en")).toContain("within 31 days of purchase");
    expect(text("en")).toContain("Vouchers, and the amounts they covered, are never refunded");
  });
});
