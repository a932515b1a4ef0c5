import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, formatMoney, fromFen, roundToFen, sum, toAmount, toFen } from "./index";

describe("roundToFen", () => {
  it.each([
    ["0.005", "0.01"],
    ["0.004", "0.00"],
    ["5438.3342", "5438.33"],
    ["6508.875", "6508.88"],
    ["1.115", "1.12"],
    ["2.675", "2.68"], // 2.675 is 2.67499… as a binary float; decimal keeps it exact
    ["-0.005", "-0.01"],
  ])("rounds %s half-up to %s", (input, expected) => {
    expect(toAmount(roundToFen(new Decimal(input)))).toBe(expected);
  });
});

describe("formatMoney", () => {
  it.each([
    ["52488", {}, "¥52,488.00"],
    ["1390", { compact: true }, "¥1,390"],
    ["1390.5", { compact: true }, "¥1,390.50"],
    ["0", {}, "¥0.00"],
    ["624000", {}, "¥624,000.00"],
    ["1234567.891", {}, "¥1,234,567.89"],
    ["-47.2", {}, "-¥47.20"],
  ])("formats %s", (input, options, expected) => {
    expect(formatMoney(input, options)).toBe(expected);
  });
});

describe("fen conversion", () => {
  it("round-trips any two-place amount through integer fen", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), (fen) => {
        expect(toFen(fromFen(fen))).toBe(fen);
      }),
    );
  });

  it("sums exactly where floats drift", () => {
    expect(toAmount(sum([new Decimal("0.1"), new Decimal("0.2")]))).toBe("0.30");
  });
});
