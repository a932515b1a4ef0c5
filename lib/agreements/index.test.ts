import { describe, expect, it } from "vitest";
import { agreements, agreementsFor, missingConsents } from "./index";
import { assertAgreementsValid } from "./validate";

describe("agreements", () => {
  it("are exactly what their schema accepts", () => {
    expect(assertAgreementsValid()).toEqual(agreements);
  });

  it.each([
    ["free", ["service-terms", "privacy-policy"]],
    ["pro", ["service-terms", "purchase-terms", "privacy-policy"]],
    ["business", ["service-terms", "purchase-terms", "privacy-policy", "data-processing"]],
    ["education", ["service-terms", "purchase-terms", "privacy-policy", "education-eligibility"]],
    ["membership", ["privacy-policy", "membership-terms"]],
  ])("%s needs %j", (edition, ids) => {
    expect(agreementsFor(edition).map((a) => a.id)).toEqual(ids);
  });

  it("counts a consent only at the current version", () => {
    const all = agreementsFor("pro").map((a) => ({ agreementId: a.id, version: a.version }));
    expect(missingConsents("pro", all)).toEqual([]);
    const stale = all.map((c, i) => (i === 0 ? { ...c, version: "2020-01-01" } : c));
    expect(missingConsents("pro", stale).map((a) => a.id)).toEqual(["service-terms"]);
    expect(missingConsents("business", all).map((a) => a.id)).toEqual(["data-processing"]);
  });
});
