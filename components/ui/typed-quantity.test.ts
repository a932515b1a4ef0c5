import { describe, expect, it } from "vitest";
import { parseTypedQuantity, stepQuantity } from "./typed-quantity";

describe("parseTypedQuantity", () => {
  it.each([
    ["0", 0],
    ["1", 1],
    ["10", 10],
    ["300", 300],
    [" 12 ", 12],
    ["007", 7],
    ["999999999", 999999999],
  ])("commits %j as %d", (text, expected) => {
    expect(parseTypedQuantity(text)).toBe(expected);
  });

  it.each(["", " ", "-", "-3", "1.", "1.5", "1e1", "+2", "abc", "1 0", "1000000000"])("does not commit %j", (text) => {
    expect(parseTypedQuantity(text)).toBeUndefined();
  });
});

describe("stepQuantity", () => {
  it.each([
    // value, delta, min, max, expected
    [0, 1, 0, 49, 1],
    [1, -1, 0, 49, 0],
    [0, -1, 0, 49, 0],
    [49, 1, 0, 49, 49],
    [6, 1, 6, 255, 7],
    [30, -1, 6, 255, 29],
    // a typed figure past the allowance steps back inside it, never further out
    [300, -1, 6, 255, 255],
    [3, 1, 6, 255, 6],
    [undefined, 1, 6, 255, 6],
    [undefined, -1, 6, 255, 6],
    [undefined, 1, 0, 5, 0],
  ] as const)("%s %s within [%d, %d] gives %d", (value, delta, min, max, expected) => {
    expect(stepQuantity(value, delta, min, max)).toBe(expected);
  });
});
