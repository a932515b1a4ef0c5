import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { findQuotePdfFont, QuotePdfFontMissingError, renderQuotePdf, type QuotePdfInput } from "./pdf";

const zhLabels: QuotePdfInput["labels"] = {
  title: "报价单",
  number: "报价编号",
  customer: "客户",
  seller: "销售",
  issued: "开具时间",
  expires: "有效期至",
  item: "项目",
  detail: "明细",
  amount: "金额",
  subtotal: "小计",
  total: "合计",
  note: "备注",
  footer: "本报价单由 Quorum Store 生成。",
};

function quote(overrides: Partial<QuotePdfInput> = {}): QuotePdfInput {
  return {
    locale: "zh-CN",
    labels: zhLabels,
    number: "QT20261122-7F3K9C",
    customer: { name: "杭州示例科技有限公司", email: "buyer@example.cn" },
    seller: { name: "王芳", email: "wang.fang@quorum.example" },
    issuedAt: "2026-11-22 15:04",
    expiresAt: "2026-12-22 15:04",
    lines: [
      { name: "Quorum 团队版", detail: "30 × ¥1,390.00/seat/yr × 1 yr", amount: "¥41,700.00" },
      { name: "SSO 附加组件", detail: "30 × ¥359.60/seat/yr × 1 yr", amount: "¥10,788.00" },
    ],
    subtotal: "¥52,488.00",
    adjustments: [{ label: "报价折扣 10%", detail: "¥52,488.00 × 10% = -¥5,248.80", amount: "-¥5,248.80" }],
    total: "¥47,239.20",
    note: "价格含税，付款后开具增值税专用发票。",
    ...overrides,
  };
}

async function read(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  const { info } = await getMeta(doc);
  return { totalPages, text, info: info as Record<string, unknown> };
}

describe("renderQuotePdf", () => {
  it("writes a complete PDF whose text, Chinese included, reads back", async () => {
    const pdf = await renderQuotePdf(quote());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);

    const { totalPages, text, info } = await read(pdf);
    expect(totalPages).toBe(1);
    for (const expected of [
      "QT20261122-7F3K9C",
      "¥47,239.20",
      "杭州示例科技有限公司",
      "报价单",
      "价格含税，付款后开具增值税专用发票。",
      "-¥5,248.80",
    ]) {
      expect(text).toContain(expected);
    }
    expect(info.Title).toBe("报价单 QT20261122-7F3K9C");
    // Only the CJK font is embedded: the standard fonts' AFM files are never needed.
    expect(pdf.toString("latin1")).not.toContain("Helvetica");
  });

  it("continues on further pages when there are many lines", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      name: `产品 ${i + 1}`,
      detail: `${i + 1} × ¥100.00/seat/yr × 1 yr`,
      amount: `¥${(i + 1) * 100}.00`,
    }));
    const { totalPages, text } = await read(await renderQuotePdf(quote({ lines, note: null, locale: "en" })));
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain("产品 40");
    expect(text).toContain("¥47,239.20");
  });
});

describe("findQuotePdfFont", () => {
  it("throws QuotePdfFontMissingError when QUOTE_PDF_FONT does not exist", () => {
    expect(() => findQuotePdfFont({ QUOTE_PDF_FONT: "/nonexistent/font.ttf" })).toThrow(QuotePdfFontMissingError);
  });

  it("throws QuotePdfFontMissingError, naming the Debian package, when no known font is installed", () => {
    expect(() => findQuotePdfFont({}, () => false)).toThrow(/fonts-noto-cjk/);
  });

  it.each([
    { source: { QUOTE_PDF_FONT: "/f/Song.ttf", QUOTE_PDF_FONT_NAME: "Ignored" }, want: { path: "/f/Song.ttf" } },
    { source: { QUOTE_PDF_FONT: "/f/Set.ttc", QUOTE_PDF_FONT_NAME: "SetSC" }, want: { path: "/f/Set.ttc", postscriptName: "SetSC" } },
    { source: {}, want: { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", postscriptName: "WenQuanYiZenHei" } },
  ])("picks $want.path", ({ source, want }) => {
    expect(findQuotePdfFont(source, (p) => p.startsWith("/f/") || p.includes("wqy"))).toEqual(want);
  });

  it("asks for QUOTE_PDF_FONT_NAME with a font collection", () => {
    expect(() => findQuotePdfFont({ QUOTE_PDF_FONT: "/f/Set.ttc" }, () => true)).toThrow(/QUOTE_PDF_FONT_NAME/);
  });
});
