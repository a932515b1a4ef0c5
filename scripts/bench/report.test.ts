import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median } from "./report";

describe("median", () => {
  it.each([
    { values: [3], want: 3 },
    { values: [3, 1, 2], want: 2 },
    { values: [4, 1, 3, 2], want: 2.5 },
    { values: [0.7, 0.9], want: 0.8 },
    { values: [5, 5, 1, 9], want: 5 },
  ])("of $values is $want", ({ values, want }) => {
    expect(median(values)).toBeCloseTo(want, 12);
  });

  it("leaves its input unsorted", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("has as many values at or below it as at or above it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const m = median(values);
        expect(values.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(values.length);
        expect(values.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(values.length);
      }),
    );
  });
});
