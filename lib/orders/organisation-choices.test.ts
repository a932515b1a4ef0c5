import { describe, expect, it } from "vitest";
import { canUpgradeInPlace } from "./organisation-choices";

describe("which organisations a purchase may upgrade in place", () => {
  it.each([
    ["free", true],
    ["pro", false],
    ["business", false],
    ["enterprise", false],
    ["education", false],
    ["education-plus", false],
  ])("%s → %s", (edition, expected) => {
    expect(canUpgradeInPlace({ edition })).toBe(expected);
  });
});
