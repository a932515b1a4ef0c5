import { describe, expect, it } from "vitest";
import { agreements, agreementsFor, agreementVersions, missingConsents } from ".";
import { missingFrom, type AgreementVersion } from "./consents";

const list: AgreementVersion[] = [
  { id: "terms", version: "2", editions: ["free", "business"] },
  { id: "purchase", version: "1", editions: ["business"] },
];

describe("missingFrom", () => {
  const rows: [string, string, { agreementId: string; version: string }[], string[]][] = [
    ["nothing accepted: every agreement of the edition, in list order", "business", [], ["terms", "purchase"]],
    ["another edition's agreements are not asked", "free", [], ["terms"]],
    ["an accepted current version is not missing", "business", [{ agreementId: "terms", version: "2" }], ["purchase"]],
    [
      "an old version is missing",
      "business",
      [
        { agreementId: "terms", version: "1" },
        { agreementId: "purchase", version: "1" },
      ],
      ["terms"],
    ],
    ["all accepted", "free", [{ agreementId: "terms", version: "2" }], []],
    ["an edition with no agreements", "enterprise", [], []],
  ];
  it.each(rows)("%s", (_, edition, consents, missing) => {
    expect(missingFrom(list, edition, consents).map((a) => a.id)).toEqual(missing);
  });

  it("on the versions the page sends gives what missingConsents gives on the agreements themselves", () => {
    for (const edition of new Set(agreements.flatMap((a) => a.editions as string[]))) {
      const accepted = agreementsFor(edition)
        .slice(1)
        .map((a) => ({ agreementId: a.id, version: a.version }));
      expect(missingFrom(agreementVersions(), edition, accepted).map((a) => a.id)).toEqual(
        missingConsents(edition, accepted).map((a) => a.id),
      );
    }
  });
});
