import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { catalog, type Locale } from "@/lib/catalog";
import type { CartInput } from "@/lib/pricing/types";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import adminEn from "@/messages/quote-admin/en.json" with { type: "json" };
import adminZhCN from "@/messages/quote-admin/zh-CN.json" with { type: "json" };
import { describeChanges, formatPercent, revisionHistory, type HistoryContext, type Translate } from "./history";

function context(locale: Locale): HistoryContext {
  const admin = locale === "en" ? adminEn : adminZhCN;
  const tr = createTranslator({ locale, messages: admin, namespace: "QuoteAdmin.history" });
  return {
    locale,
    catalog,
    t: ((key, values) => (tr as unknown as Translate)(key, values)) as Translate,
    pricing: locale === "en" ? en.Pricing : zhCN.Pricing,
    formatDate: (at) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(at),
  };
}
const ctx = { en: context("en"), "zh-CN": context("zh-CN") };

const cart: CartInput = {
  edition: "business",
  seats: 30,
  term: { unit: "year", count: 1 },
  addons: [{ sku: "large-meeting-500", quantity: 1 }],
};
const withCart = (change: Partial<CartInput>) => ({ cart: { from: cart, to: { ...cart, ...change } } });

const cases: { name: string; changes: unknown; en: string[]; zh: string[] }[] = [
  {
    name: "discount, stored with two places",
    changes: { discountPercent: { from: "10.00", to: "5" } },
    en: ["Discount: 10% → 5%"],
    zh: ["折扣：10% → 5%"],
  },
  {
    name: "re-priced on a newer price list",
    changes: { catalogVersion: { from: "2026-11-01", to: "2027-01-01" } },
    en: ["Price list: 2026-11-01 → 2027-01-01"],
    zh: ["价目表：2026-11-01 → 2027-01-01"],
  },
  {
    name: "negotiated seat price set, then list price",
    changes: { negotiatedSeatPrice: { from: null, to: "1000.00" } },
    en: ["Negotiated seat price: list price → ¥1,000.00"],
    zh: ["协议单价：目录价 → ¥1,000.00"],
  },
  {
    name: "expiry, stored as ISO (end of day in China)",
    changes: { expiresAt: { from: "2026-12-22T15:59:59.999Z", to: "2027-01-05T15:59:59.999Z" } },
    en: ["Expires: Dec 22, 2026 → Jan 5, 2027"],
    zh: ["有效期至：2026年12月22日 → 2027年1月5日"],
  },
  { name: "seats", changes: withCart({ seats: 40 }), en: ["Seats: 30 → 40"], zh: ["账号数：30 → 40"] },
  { name: "term", changes: withCart({ term: { unit: "year", count: 2 } }), en: ["Term: 1 yr → 2 yrs"], zh: ["购买时长：1 年 → 2 年"] },
  {
    name: "edition",
    changes: withCart({ edition: "enterprise", seats: 300 }),
    en: ["Edition: Business → Enterprise", "Seats: 30 → 300"],
    zh: ["版本：商业版 → 企业版", "账号数：30 → 300"],
  },
  {
    name: "add-on added with its own term, another removed",
    changes: withCart({ addons: [{ sku: "rooms", quantity: 2, term: { unit: "month", count: 6 } }] }),
    en: ["Removed Large meeting (500) × 1", "Added Rooms × 2 (6 mo)"],
    zh: ["移除 大型会议（500人） × 1", "新增 会议室 Rooms × 2（6 个月）"],
  },
  {
    name: "add-on quantity and term",
    changes: withCart({ addons: [{ sku: "large-meeting-500", quantity: 3, term: { unit: "month", count: 6 } }] }),
    en: ["Large meeting (500): quantity 1 → 3", "Large meeting (500): term same as the seats → 6 mo"],
    zh: ["大型会议（500人）：数量 1 → 3", "大型会议（500人）：时长 与账号相同 → 6 个月"],
  },
  {
    name: "terms before details, whatever the stored key order",
    changes: {
      buyerMayEdit: { from: false, to: true },
      customerName: { from: "甲公司", to: "乙公司" },
      discountPercent: { from: "15", to: "12.5" },
    },
    en: ["Discount: 15% → 12.5%", "Customer: 甲公司 → 乙公司", "Buyer may change the cart: no → yes"],
    zh: ["折扣：15% → 12.5%", "客户：甲公司 → 乙公司", "客户可修改购物车：否 → 是"],
  },
  { name: "a note", changes: { note: { from: null, to: "年度续约" } }, en: ["Note: “none” → “年度续约”"], zh: ["备注：“无” → “年度续约”"] },
  {
    name: "nothing recorded (same terms, new link)",
    changes: {},
    en: ["Terms unchanged; a new link was issued"],
    zh: ["条款未变，已发出新链接"],
  },
  { name: "null changes", changes: null, en: ["Terms unchanged; a new link was issued"], zh: ["条款未变，已发出新链接"] },
  { name: "a cart that is not a cart", changes: { cart: { from: "x", to: 1 } }, en: ["Cart changed"], zh: ["购物车已修改"] },
  {
    name: "a field this page does not know",
    changes: { colour: { from: "red", to: "blue" } },
    en: ["colour changed"],
    zh: ["colour 已修改"],
  },
];

describe("describeChanges", () => {
  it.each(cases)("$name", ({ changes, en: english, zh }) => {
    expect(describeChanges(changes, ctx.en)).toEqual(english);
    expect(describeChanges(changes, ctx["zh-CN"])).toEqual(zh);
  });
});

describe("revisionHistory", () => {
  it("lists versions newest first; version 1 reads Issued", () => {
    const at = (d: number) => new Date(Date.UTC(2026, 10, 22 + d));
    const versions = [
      { version: 1, createdAt: at(0), changes: null },
      { version: 2, createdAt: at(1), changes: { discountPercent: { from: "10.00", to: "5" } } },
    ];
    expect(revisionHistory(versions, ctx["zh-CN"])).toEqual([
      { version: 2, issuedAt: at(1), changes: ["折扣：10% → 5%"] },
      { version: 1, issuedAt: at(0), changes: ["首次发出"] },
    ]);
    expect(revisionHistory(versions, ctx.en).map((e) => e.changes)).toEqual([["Discount: 10% → 5%"], ["Issued"]]);
  });
});

describe("formatPercent", () => {
  it.each([
    ["10.00", "10"],
    ["15.10", "15.1"],
    ["0", "0"],
    ["bad", "bad"],
  ])("%s → %s", (input, out) => expect(formatPercent(input)).toBe(out));
});

describe("QuoteAdmin messages", () => {
  const keys = (o: object, prefix = ""): string[] =>
    // A leaf is a message: a string, or the array a message with arguments is precompiled into.
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null && !Array.isArray(v) ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it("has the same keys in both locales", () => {
    expect(keys(adminEn).sort()).toEqual(keys(adminZhCN).sort());
  });
});
