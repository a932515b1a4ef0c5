import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath, withNext } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/buy?edition=business&seats=30&step=review", "/buy?edition=business&seats=30&step=review"],
    ["/", "/"],
    ["/console/orders#top", "/console/orders#top"],
    [undefined, "/"],
    [null, "/"],
    [["/buy"], "/"],
    ["", "/"],
    ["buy", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%j → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("never returns something a browser resolves off-site", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeNextPath(s);
        expect(new URL(out, "https://store.example").origin).toBe("https://store.example");
      }),
    );
  });
});

describe("withNext / signInPath", () => {
  it("carries a cart URL through ?next= exactly", () => {
    const cart = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1&step=review";
    const href = signInPath(cart);
    expect(href).toBe(`/sign-in?next=${encodeURIComponent(cart)}`);
    expect(new URL(href, "http://x").searchParams.get("next")).toBe(cart);
  });

  it("leaves the default destination out", () => {
    expect(withNext("/sign-up", "/")).toBe("/sign-up");
    expect(withNext("/sign-up", "//evil.example")).toBe("/sign-up");
  });
});
