import { describe, expect, it } from "vitest";
import type { VoucherRow } from "@/lib/db/schema";
import { generateVoucherCode, voucherTerms, voucherUsability } from "./index";

const now = new Date("2026-12-01T08:00:00Z");
const row = (over: Partial<VoucherRow>): VoucherRow =>
  ({
    code: "SPRING-24",
    kind: "cash",
    amount: "100.00",
    percent: null,
    minimumSpend: null,
    singleUse: true,
    expiresAt: null,
    redeemedOrderId: null,
    redeemedAt: null,
    createdBy: "op",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    ...over,
  }) as VoucherRow;

describe("voucherUsability", () => {
  it.each([
    ["unknown", undefined, { ok: false, error: "VOUCHER_UNKNOWN" }],
    ["no expiry", row({}), { ok: true }],
    ["expires later", row({ expiresAt: new Date(now.getTime() + 1) }), { ok: true }],
    ["expires exactly now", row({ expiresAt: now }), { ok: false, error: "VOUCHER_EXPIRED" }],
    ["expired", row({ expiresAt: new Date(now.getTime() - 1) }), { ok: false, error: "VOUCHER_EXPIRED" }],
    ["redeemed (even if expired)", row({ redeemedOrderId: "o1", expiresAt: new Date(0) }), { ok: false, error: "VOUCHER_USED" }],
  ])("%s", (_name, input, expected) => {
    expect(voucherUsability(input, now)).toMatchObject(expected);
  });

  it("gives the pricing terms of a usable voucher", () => {
    expect(voucherUsability(row({ minimumSpend: "500.00" }), now)).toEqual({
      ok: true,
      singleUse: true,
      terms: { code: "SPRING-24", kind: "cash", amount: "100.00", minimumSpend: "500.00" },
    });
    expect(voucherTerms(row({ kind: "percent", amount: null, percent: 15 }))).toEqual({ code: "SPRING-24", kind: "percent", percent: 15 });
  });
});

describe("generateVoucherCode", () => {
  it("is V- and 10 unambiguous characters, different each time", () => {
    const codes = new Set(Array.from({ length: 50 }, generateVoucherCode));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^V-[2-9A-HJ-NP-Z]{10}$/);
  });
});
