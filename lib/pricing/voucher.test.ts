import { describe, expect, it } from "vitest";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { price, y } from "./test-helpers";
import type { PriceResult, VoucherTerms } from "./types";
import { applyVoucher } from "./voucher";

const business = { edition: "business", seats: 30, term: y(1), addons: [{ sku: "large-meeting-500", quantity: 1 }] };
const apply = (r: PriceResult, v: VoucherTerms, locale: "en" | "zh-CN" = "en") =>
  applyVoucher(r, v, { locale, messages: (locale === "en" ? en : zhCN).Pricing });

describe("vouchers", () => {
  it("leaves a cart without a voucher at subtotal = total and no adjustments", () => {
    const r = price(business);
    expect(r).toMatchObject({ subtotal: "52488.00", total: "52488.00", adjustments: [] });
  });

  it("applies a percent voucher as a line of its own", () => {
    const r = apply(price(business), { code: "TEN", kind: "percent", percent: 10 });
    expect(r.ok).toBe(true);
    expect(r.subtotal).toBe("52488.00");
    expect(r.adjustments).toEqual([
      { kind: "voucher", code: "TEN", label: "Voucher TEN", amount: "-5248.80", formula: "¥52,488.00 × 10% = -¥5,248.80" },
    ]);
    expect(r.total).toBe("47239.20");
  });

  it("takes a cash voucher up to the subtotal, never below zero", () => {
    expect(apply(price(business), { code: "C", kind: "cash", amount: "100.00" }).total).toBe("52388.00");
    const free = apply(price(business), { code: "C", kind: "cash", amount: "99999.00" });
    expect(free.total).toBe("0.00");
    expect(free.adjustments[0]?.amount).toBe("-52488.00");
  });

  it("refuses a voucher whose minimum spend the subtotal misses, in both languages", () => {
    const v: VoucherTerms = { code: "BIG", kind: "cash", amount: "100.00", minimumSpend: "60000.00" };
    const r = apply(price(business), v);
    expect(r.ok).toBe(false);
    expect(r.total).toBe("52488.00");
    expect(r.adjustments).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: "VOUCHER_MIN_SPEND",
        path: "voucher",
        message: "Voucher BIG needs an order of at least ¥60,000.00; the subtotal is ¥52,488.00.",
      }),
    ]);
    expect(apply(price(business), v, "zh-CN").errors[0]?.message).toContain("¥60,000.00");
    expect(apply(price(business), { ...v, minimumSpend: "52488.00" }).total).toBe("52388.00");
  });

  it.each([
    [{ code: "P", kind: "percent", percent: 0 }],
    [{ code: "P", kind: "percent", percent: 100 }],
    [{ code: "P", kind: "percent", percent: 1.5 }],
    [{ code: "P", kind: "percent" }],
    [{ code: "C", kind: "cash" }],
    [{ code: "C", kind: "cash", amount: "0.00" }],
  ] as VoucherTerms[][])("throws on terms the voucher table cannot hold: %o", (v) => {
    expect(() => apply(price(business), v)).toThrow();
  });
});
