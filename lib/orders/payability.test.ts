import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus, type VerificationStatus } from "@/lib/db/schema";
import { canPay, needsVerification } from "./payability";

describe("canPay", () => {
  it.each<[string, OrderStatus, VerificationStatus | null, boolean]>([
    ["business", "pending_payment", null, true],
    ["pro", "pending_payment", null, true],
    ["free", "pending_payment", null, true],
    ["business", "pending_payment", "rejected", true], // a stray record does not gate an edition that needs none
    ["education", "pending_payment", null, false],
    ["education", "pending_payment", "pending", false],
    ["education", "pending_payment", "rejected", false],
    ["education", "pending_payment", "approved", true],
    ["education-plus", "pending_payment", "pending", false],
    ["education-plus", "pending_payment", "approved", true],
    ["education", "paid", "approved", false],
    ["education", "expired", "approved", false],
    ["business", "paid", null, false],
    ["business", "cancelled", null, false],
  ])("%s, %s, verification %s → %s", (edition, status, verification, expected) => {
    expect(canPay({ edition, status }, verification ? { status: verification } : null)).toBe(expected);
  });

  it("only a pending_payment order is ever payable", () => {
    for (const status of ORDER_STATUSES.filter((s) => s !== "pending_payment")) {
      expect(canPay({ edition: "business", status }, undefined)).toBe(false);
      expect(canPay({ edition: "education", status }, { status: "approved" })).toBe(false);
    }
  });

  it("knows which editions need verification from the catalog", () => {
    expect(["free", "pro", "business", "enterprise", "education", "education-plus", "nope"].filter(needsVerification)).toEqual([
      "education",
      "education-plus",
    ]);
  });
});
