import { describe, expect, it } from "vitest";
import { createVoucherSchema, voucherCodeSchema } from "./voucher";

describe("voucher schemas", () => {
  it("normalises codes and refuses malformed ones", () => {
    expect(voucherCodeSchema.parse(" ten-off ")).toBe("TEN-OFF");
    expect(voucherCodeSchema.safeParse("a b").success).toBe(false);
    expect(voucherCodeSchema.safeParse("X".repeat(33)).success).toBe(false);
  });

  it("takes the operator form: amount for cash, 1–99 for percent, blanks as absent", () => {
    expect(
      createVoucherSchema.parse({ code: "", kind: "percent", amount: "", percent: "10", minimumSpend: "", singleUse: "on", expiresAt: "" }),
    ).toEqual({ kind: "percent", percent: 10, singleUse: true });
    expect(
      createVoucherSchema.parse({ kind: "cash", amount: "100", minimumSpend: "1000.00", expiresAt: "2030-01-01T08:00" }),
    ).toMatchObject({
      kind: "cash",
      amount: "100",
      minimumSpend: "1000.00",
      singleUse: false,
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    for (const bad of [
      { kind: "percent", percent: "100" },
      { kind: "percent", percent: "0" },
      { kind: "percent", percent: "2.5" },
      { kind: "cash" },
      { kind: "cash", amount: "0" },
      { kind: "cash", amount: "1.001" },
    ]) {
      expect(createVoucherSchema.safeParse(bad).success).toBe(false);
    }
  });
});
