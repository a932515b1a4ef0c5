import { describe, expect, it } from "vitest";
import { voucherWarnings } from "./voucher-warnings";

describe("voucherWarnings", () => {
  it.each([
    [
      "¥20,000 cash on a ¥988 cart",
      { kind: "cash", amount: "20000.00" },
      "988.00",
      [{ code: "COVERS_ALL", face: "20000.00", subtotal: "988.00", rest: "19012.00" }],
    ],
    ["cash equal to the cart", { kind: "cash", amount: "988.00" }, "988.00", []],
    ["cash below the cart", { kind: "cash", amount: "100.00" }, "988.00", []],
    [
      "cash above its minimum spend",
      { kind: "cash", amount: "500.00", minimumSpend: "300.00" },
      "988.00",
      [{ code: "ABOVE_MINIMUM", face: "500.00", minimum: "300.00" }],
    ],
    [
      "both",
      { kind: "cash", amount: "1000.00", minimumSpend: "500.00" },
      "988.00",
      [
        { code: "COVERS_ALL", face: "1000.00", subtotal: "988.00", rest: "12.00" },
        { code: "ABOVE_MINIMUM", face: "1000.00", minimum: "500.00" },
      ],
    ],
    ["cash within its minimum spend", { kind: "cash", amount: "100.00", minimumSpend: "500.00" }, "988.00", []],
    [
      "a fen over",
      { kind: "cash", amount: "988.01" },
      "988.00",
      [{ code: "COVERS_ALL", face: "988.01", subtotal: "988.00", rest: "0.01" }],
    ],
    ["percent never", { kind: "percent", percent: 99 }, "1.00", []],
  ] as const)("%s", (_, terms, subtotal, expected) => {
    expect(voucherWarnings({ code: "X", ...terms }, subtotal)).toEqual(expected);
  });
});
