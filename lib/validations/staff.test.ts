import { describe, expect, it } from "vitest";
import { createSalesAccountSchema, discountLimitPercentSchema, setDiscountLimitSchema } from "./staff";

const account = { name: "张三", email: "zhang@example.com", password: "initial-pass", discountLimitPercent: "15" };

function errorsOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("discountLimitPercentSchema", () => {
  it.each([
    ["0", 0],
    ["15", 15],
    [" 100 ", 100],
    [12, 12],
    ["007", 7],
  ])("accepts %j as %d", (input, expected) => {
    expect(discountLimitPercentSchema.parse(input)).toBe(expected);
  });

  it.each([["101"], ["-1"], ["12.5"], [12.5], ["1e1"], ["abc"], [""], ["  "], [undefined], [null], [Number.NaN], ["1000000"]])(
    "refuses %j",
    (input) => {
      expect(errorsOf(discountLimitPercentSchema.safeParse(input))).toEqual({ "": "Staff.errors.percent" });
    },
  );
});

describe("createSalesAccountSchema", () => {
  it.each([
    ["a complete form", {}, {}],
    ["an 8-character password", { password: "12345678" }, {}],
    ["a 128-character password", { password: "x".repeat(128) }, {}],
    ["no name", { name: "  " }, { name: "Auth.errors.nameRequired" }],
    ["no email", { email: "" }, { email: "Auth.errors.emailRequired" }],
    ["a malformed email", { email: "zhang@" }, { email: "Auth.errors.emailInvalid" }],
    ["a 7-character password", { password: "1234567" }, { password: "Auth.errors.passwordTooShort" }],
    ["a 129-character password", { password: "x".repeat(129) }, { password: "Auth.errors.passwordTooLong" }],
    ["a limit over 100", { discountLimitPercent: "101" }, { discountLimitPercent: "Staff.errors.percent" }],
    ["a fractional limit", { discountLimitPercent: "2.5" }, { discountLimitPercent: "Staff.errors.percent" }],
    ["no limit", { discountLimitPercent: "" }, { discountLimitPercent: "Staff.errors.percent" }],
  ])("%s", (_, change, expected) => {
    expect(errorsOf(createSalesAccountSchema.safeParse({ ...account, ...change }))).toEqual(expected);
  });

  it("trims name and email and turns the limit into a number; its output parses to itself", () => {
    const once = createSalesAccountSchema.parse({ ...account, name: " 张三 ", email: " zhang@example.com ", discountLimitPercent: " 12 " });
    expect(once).toEqual({ name: "张三", email: "zhang@example.com", password: "initial-pass", discountLimitPercent: 12 });
    expect(createSalesAccountSchema.parse(once)).toEqual(once);
  });
});

describe("setDiscountLimitSchema", () => {
  it.each([
    ["a row's form", { id: "u1", discountLimitPercent: "20" }, {}],
    ["no id", { id: "", discountLimitPercent: "20" }, { id: "Staff.errors.generic" }],
    ["a missing id", { discountLimitPercent: "20" }, { id: "Staff.errors.generic" }],
    ["a negative limit", { id: "u1", discountLimitPercent: "-5" }, { discountLimitPercent: "Staff.errors.percent" }],
  ])("%s", (_, input, expected) => {
    expect(errorsOf(setDiscountLimitSchema.safeParse(input))).toEqual(expected);
  });
});
