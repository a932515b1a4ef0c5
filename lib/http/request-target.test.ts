import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCleanRequestTarget } from "./request-target";

describe("isCleanRequestTarget", () => {
  it.each([
    ["/pricing", true],
    ["/q/AbC-123_xyz", true],
    ["/buy?edition=pro&seats=5&add=rooms:2:1y", true],
    ["/sign-in?next=%2Forders%2F123", true],
    ["/agreements/%E6%9C%8D%E5%8A%A1", true], // 服务: valid UTF-8
    ["/search?q=a+b&empty=&flag", true],
    ["/", true],
    ["/q/%FF", false],
    ["/q/%C0%AF", false], // an overlong "/"
    ["/q/%00", false],
    ["/q/a%00b", false],
    ["/q/%ED%A0%80", false], // an encoded lone surrogate
    ["/orders/%FF/receipt/pdf", false],
    ["/sign-in?next=%FF", false],
    ["/sign-in?next=/orders%00", false],
    ["/sign-in?next=%ED%A0%80", false],
    ["/buy?edition=%C0%AF", false],
    ["/buy?%FF=1", false],
    ["/api/uploads/education-proof/%FF", false],
    ["/q/%", false],
    ["/q/%E6%9C", false], // truncated
    ["/q/\uD800", false], // a raw lone surrogate
    ["/sign-in?next=%EF%BF%BD", false], // U+FFFD: what Next.js makes of ?next=%FF before a route sees it
    // Nothing encoded: clean unless the raw text itself holds what decoding would refuse.
    ["/q/a\u0000b", false],
    ["/q/\uFFFD", false],
    ["/buy?edition=\uDC00", false],
    ["/q/\uD83D\uDE00", true], // a whole surrogate pair
    ["/caf\u00E9?x=\u00FF", true], // bytes past ASCII as Node reads them (latin-1)
  ])("%j → %s", (target, expected) => {
    expect(isCleanRequestTarget(target)).toBe(expected);
  });

  it("property: never throws on any string, and a path of encoded valid text is clean", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof isCleanRequestTarget(s)).toBe("boolean");
        expect(typeof isCleanRequestTarget(`/q/${s}?next=${s}`)).toBe("boolean");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        fc.pre(!s.includes("\u0000") && !s.includes("\uFFFD"));
        expect(isCleanRequestTarget(`/q/${encodeURIComponent(s)}?next=${encodeURIComponent(s)}`)).toBe(true);
      }),
    );
  });

  it("property: the answer for a target with nothing encoded is the one full decoding gives", () => {
    // An escape of "A" at the end changes no piece's cleanness but sends the target down the decoding path.
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        fc.pre(!s.includes("%"));
        for (const target of [`/q/${s}`, `/sign-in?next=${s}`])
          expect(isCleanRequestTarget(target)).toBe(isCleanRequestTarget(`${target}%41`));
      }),
      { numRuns: 1000 },
    );
  });
});
