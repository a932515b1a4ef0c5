import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, roundToFen, toAmount } from "./decimal";
import {
  amountPattern,
  compareAmounts,
  fenToAmount,
  formatFen,
  formatMoney,
  isAmount,
  isZero,
  parseFen,
  sameAmount,
  timesFen,
} from "./index";

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
    ["-47.2", {}, "-¥47.20"],
  ] as const)("formats %s", (input, options, expected) => {
    expect(formatMoney(input, options)).toBe(expected);
  });

  it.each([
    ["1234567.891", "¥1,234,567.89"],
    ["0.005", "¥0.01"],
  ])("formats the Decimal %s through toAmount, rounded half-up", (input, expected) => {
    expect(formatMoney(toAmount(new Decimal(input)))).toBe(expected);
  });

  it("refuses what is not an amount string instead of guessing", () => {
    expect(() => formatMoney("1.005")).toThrow(/not a money amount/);
  });
});

describe("fen conversion", () => {
  it("round-trips any two-place amount through integer fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (fen) => {
        expect(parseFen(fenToAmount(fen))).toBe(fen);
        expect(toAmount(new Decimal(fenToAmount(fen)))).toBe(fenToAmount(fen));
      }),
    );
  });

  it("sums exactly where floats drift", () => {
    expect(toAmount(new Decimal("0.1").plus("0.2"))).toBe("0.30");
    expect(fenToAmount(parseFen("0.1") + parseFen("0.2"))).toBe("0.30");
  });
});

describe("comparing amounts", () => {
  it.each([
    ["10", "10.00", 0],
    ["10.5", "10.50", 0],
    ["0.01", "0", 1],
    ["99.99", "100", -1],
    ["-0.01", "0.00", -1],
  ] as const)("%s against %s is %i", (a, b, expected) => {
    expect(compareAmounts(a, b)).toBe(expected);
    expect(compareAmounts(b, a)).toBe(-expected || 0);
  });

  it("compares by value where floats would too, and exactly where they would not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 0, max: 10 ** 14 }), (a, b) => {
        expect(compareAmounts(fenToAmount(a), fenToAmount(b))).toBe(Math.sign(a - b) || 0);
      }),
    );
  });

  it("tells same and absent amounts apart", () => {
    expect(sameAmount("10", "10.00")).toBe(true);
    expect(sameAmount("10", "10.01")).toBe(false);
    expect(sameAmount(null, null)).toBe(true);
    expect(sameAmount(null, "0")).toBe(false);
    expect(sameAmount("0", null)).toBe(false);
  });

  it("knows zero in every spelling", () => {
    expect(["0", "0.0", "0.00", "-0.00"].every(isZero)).toBe(true);
    expect(isZero("0.01")).toBe(false);
  });
});

describe("amount format", () => {
  it.each([
    ["0", {}, true],
    ["1390", {}, true],
    ["1390.5", {}, true],
    ["1390.50", {}, true],
    ["999999999999.99", {}, true],
    ["1000000000000", {}, false],
    ["1.234", {}, false],
    ["-1", {}, false],
    ["1.", {}, false],
    [".5", {}, false],
    [" 1", {}, false],
    ["1e3", {}, false],
    ["999999999", { digits: 9 }, true],
    ["1000000000", { digits: 9 }, false],
    ["99.99", { digits: 2 }, true],
    ["100", { digits: 2 }, false],
    ["52488.00", { places: "exactly2" }, true],
    ["52488.0", { places: "exactly2" }, false],
    ["52488", { places: "exactly2" }, false],
  ] as const)("%s with %o is %s", (text, format, expected) => {
    expect(isAmount(text, format)).toBe(expected);
  });

  it("builds each pattern once", () => {
    expect(amountPattern({ digits: 9 })).toBe(amountPattern({ digits: 9 }));
  });

  it("every amount it accepts is one parseFen reads", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,12}(\.\d{1,2})?$/), (text) => {
        expect(isAmount(text)).toBe(true);
        expect(fenToAmount(parseFen(text))).toBe(toAmount(new Decimal(text)));
      }),
    );
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
          expect(amount).toBe(new Decimal(fen).dividedBy(100).toFixed(2));
          expect(parseFen(amount)).toBe(fen);
          expect(fenToAmount(timesFen(fen, q, n))).toBe(new Decimal(amount).times(q).times(n).toFixed(2));
          expect(formatFen(fen)).toBe(formatMoney(amount));
        },
      ),
    );
  });

  it("writes and formats any safe fen, negative and compact included, as plain decimal.js text does", () => {
    // The reference: decimal.js's two-place text, its sign, and a comma before every third digit from the right.
    const reference = (fen: number, compact: boolean) => {
      const text = new Decimal(fen).abs().dividedBy(100).toFixed(2);
      const [yuan, cents] = text.split(".") as [string, string];
      const grouped = yuan.replace(/\B(?=(\d{3})+$)/g, ",");
      return `${fen < 0 ? "-" : ""}¥${grouped}${compact && cents === "00" ? "" : `.${cents}`}`;
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger(), fc.constantFrom(0, -0, 100, -100, 99, 100_000)),
        fc.boolean(),
        (fen, compact) => {
          expect(fenToAmount(fen)).toBe(`${fen < 0 ? "-" : ""}${new Decimal(fen).abs().dividedBy(100).toFixed(2)}`);
          expect(formatFen(fen, { compact })).toBe(reference(fen, compact));
          if (!compact) expect(formatFen(fen)).toBe(reference(fen, false));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
