import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./next-path";

// Issue 11 item 6: a `next` value with bad bytes must fall back to "/", never throw (encodeURIComponent of a lone surrogate does).
describe("safeNextPath with bytes that are not text", () => {
  it.each([
    ["/orders/%FF", "/"],
    ["/orders/%C0%AF", "/"],
    ["/orders/%00", "/"],
    ["/orders/%ED%A0%80", "/"],
    ["/orders/\uD800", "/"],
    ["/orders/\uDC00x", "/"],
    ["/orders/\uFFFD", "/"],
    ["/orders/%E5%8A%9E", "/orders/%E5%8A%9E"],
    ["/orders/办", "/orders/办"],
    ["/buy?edition=pro&add=rooms:2", "/buy?edition=pro&add=rooms:2"],
  ])("%j → %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it("property: signInPath never throws, whatever string it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(signInPath(`/${s}`)).toMatch(/^\/sign-in/);
      }),
      { numRuns: 500 },
    );
  });
});
