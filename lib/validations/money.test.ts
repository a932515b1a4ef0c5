import { describe, expect, it } from "vitest";
import { PRICE_DIGITS } from "@/lib/money";
import { amountFieldSchema, amountSchema } from "./money";

describe("amountSchema", () => {
  it.each([
    ["52488.00", true],
    ["1390", true],
    ["1390.5", true],
    ["999999999999.99", true],
    ["1000000000000", false],
    ["1.234", false],
    ["-1", false],
    [" 1", false],
    ["", false],
  ])("%s → %s", (text, ok) => {
    expect(amountSchema().safeParse(text).success).toBe(ok);
  });

  it("takes the limits it is given", () => {
    expect(amountSchema({ digits: PRICE_DIGITS }).safeParse("1000000000").success).toBe(false);
    expect(amountSchema({ places: "exactly2" }).safeParse("1.5").success).toBe(false);
    expect(amountSchema({ places: "exactly2" }).safeParse("1.50").success).toBe(true);
  });

  it("reports the message it is given", () => {
    const r = amountSchema({ message: "Vouchers.errors.amount" }).safeParse("x");
    expect(r.success ? undefined : r.error.issues[0]?.message).toBe("Vouchers.errors.amount");
  });

  it("trims a form field first", () => {
    expect(amountFieldSchema().parse(" 12.50 ")).toBe("12.50");
    expect(amountFieldSchema({ digits: 2 }).safeParse("100").success).toBe(false);
  });
});
