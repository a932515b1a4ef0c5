import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate";

const fen = fc.bigInt({ min: 0n, max: 10n ** 14n });
const ratios = fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0n));

describe("allocate", () => {
  it("splits like dinero.js: remainder fen to the first parts", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(5n, [70n, 30n])).toEqual([4n, 1n]);
    expect(allocate(1003n, [50n, 50n])).toEqual([502n, 501n]);
  });

  it("gives nothing to a zero ratio, even the first one", () => {
    expect(allocate(101n, [0n, 1n, 1n])).toEqual([0n, 51n, 50n]);
  });

  it("the 100-off voucher of PRODUCT.md §6.3 over a business order", () => {
    // ¥41,700 seats + ¥10,788 large meeting, ¥100 off: ¥52,388 paid; exact shares 4,162,055.33 and
    // 1,076,744.67 fen, the one fen left over goes to the first line.
    expect(allocate(5_238_800n, [4_170_000n, 1_078_800n])).toEqual([4_162_056n, 1_076_744n]);
  });

  it("allocates zero to zeros and refuses what cannot be split", () => {
    expect(allocate(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocate(0n, [3n, 4n])).toEqual([0n, 0n]);
    expect(() => allocate(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocate(-1n, [1n])).toThrow(RangeError);
    expect(() => allocate(1n, [1n, -1n])).toThrow(RangeError);
  });

  it("parts sum to the amount exactly", () => {
    fc.assert(fc.property(fen, ratios, (amount, r) => allocate(amount, r).reduce((a, b) => a + b, 0n) === amount));
  });

  it("no part is negative, and a zero ratio gets zero", () => {
    fc.assert(fc.property(fen, ratios, (amount, r) => allocate(amount, r).every((p, i) => p >= 0n && (r[i] !== 0n || p === 0n))));
  });

  it("each part is within one fen of its exact share", () => {
    fc.assert(
      fc.property(fen, ratios, (amount, r) => {
        const total = r.reduce((a, b) => a + b, 0n);
        // |part − amount × ratio ÷ total| < 1  ⇔  |part × total − amount × ratio| < total
        return allocate(amount, r).every((p, i) => {
          const diff = p * total - amount * r[i]!;
          return (diff < 0n ? -diff : diff) < total;
        });
      }),
    );
  });
});
