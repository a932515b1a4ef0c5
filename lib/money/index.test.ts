import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, fromFen, roundToFen, sum, toAmount, toFen } from "./decimal";
import { fenToAmount, formatFen, formatMoney, parseFen, timesFen } from "./index";

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
    [new Decimal("1234567.891"), {}, "¥1,234,567.89"],
    [new Decimal("0.005"), {}, "¥0.01"],
    ["-47.2", {}, "-¥47.20"],
  ] as const)("formats %s", (input, options, expected) => {
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

describe("integer fen", () => {
  it.each([
    ["1390.00", 139000],
    ["0.05", 5],
    ["0.5", 50],
    ["7", 700],
    ["624000.00", 62400000],
  ])("parses %s", (amount, fen) => {
    expect(parseFen(amount)).toBe(fen);
  });

  it("refuses what is not money", () => {
    expect(() => parseFen("1.234")).toThrow(/not a money amount/);
    expect(() => parseFen("abc")).toThrow(/not a money amount/);
    expect(() => timesFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(/out of range/);
  });

  it("agrees with decimal.js for every amount and product", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 11 }),
        (fen, q, n) => {
          const amount = fenToAmount(fen);
          expect(amount).toBe(fromFen(fen).toFixed(2));
          expect(parseFen(amount)).toBe(fen);
          expect(fenToAmount(timesFen(fen, q, n))).toBe(new Decimal(amount).times(q).times(n).toFixed(2));
          expect(formatFen(fen)).toBe(formatMoney(amount));
        },
      ),
    );
  });
});
