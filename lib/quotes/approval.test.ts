import { describe, expect, it } from "vitest";
import { allowsNegotiatedPrice, approvalReasons, needsApproval, type ApprovalInput } from "./approval";

const base: ApprovalInput = { discountPercent: "0", repLimitPercent: 15, negotiatedSeatPrice: null, edition: "business", seats: 30 };

describe("needsApproval", () => {
  it.each<[string, Partial<ApprovalInput>, boolean]>([
    ["no discount", {}, false],
    ["10% with limit 15", { discountPercent: "10" }, false],
    ["15% with limit 15", { discountPercent: "15" }, false],
    ["15.00% with limit 15", { discountPercent: "15.00" }, false],
    ["15.01% with limit 15", { discountPercent: "15.01" }, true],
    ["20% with limit 15", { discountPercent: 20 }, true],
    ["20% with limit 25", { discountPercent: "20", repLimitPercent: 25 }, false],
    ["1% with limit 0", { discountPercent: "1", repLimitPercent: 0 }, true],
    ["negotiated price, no discount", { negotiatedSeatPrice: "900.00", edition: "enterprise", seats: 300 }, true],
    ["negotiated price, list-level", { negotiatedSeatPrice: "1390.00", edition: "education-plus", seats: 256, repLimitPercent: 100 }, true],
  ])("%s → %s", (_, change, expected) => {
    expect(needsApproval({ ...base, ...change })).toBe(expected);
  });
});

describe("allowsNegotiatedPrice", () => {
  it.each<[string, number | undefined, boolean]>([
    ["enterprise", 256, true],
    ["education-plus", 1000, true],
    ["enterprise", 255, false],
    ["enterprise", undefined, false],
    ["business", 300, false],
  ])("%s with %s seats → %s", (edition, seats, expected) => {
    expect(allowsNegotiatedPrice(edition, seats)).toBe(expected);
  });
});

describe("approvalReasons", () => {
  it.each<[string, Partial<ApprovalInput>, ReturnType<typeof approvalReasons>]>([
    ["20.00% over 15", { discountPercent: "20.00" }, [{ kind: "discountAboveLimit", discount: "20", limit: 15 }]],
    [
      "a negotiated price at the limit",
      { discountPercent: "15.00", negotiatedSeatPrice: "900.00" },
      [{ kind: "negotiatedSeatPrice", price: "900.00" }],
    ],
    [
      "both",
      { discountPercent: "16", negotiatedSeatPrice: "900.00" },
      [
        { kind: "discountAboveLimit", discount: "16", limit: 15 },
        { kind: "negotiatedSeatPrice", price: "900.00" },
      ],
    ],
    ["at the limit", { discountPercent: "15" }, []],
  ])("%s", (_, change, expected) => {
    expect(approvalReasons({ ...base, ...change })).toEqual(expected);
  });
});
