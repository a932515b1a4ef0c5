import { describe, expect, it } from "vitest";
import { phoneRateCard } from "@/lib/catalog/phone-rates";
import { editionGate, effectivePolicy, fitsFloor, policyAllows, spendableFen, type OutboundPolicy, type PhoneGrant } from "./access";
import { authorizeCall } from "./authorize";
import type { CallKind } from "./rating";

const EDITIONS = ["free", "pro", "business", "education", "enterprise", "education-plus"] as const;
const GRANT_SETS: PhoneGrant[][] = [[], ["dial_out"], ["overseas"], ["dial_out", "overseas"]];

/** The rule written out as a table, independently of the code: what each edition needs. */
function expected(edition: string, kind: CallKind, overseas: boolean, grants: PhoneGrant[]): string | null {
  if (kind === "dial_in_toll" || kind === "dial_in_toll_free") return null;
  const has = (g: PhoneGrant) => grants.includes(g);
  if (kind === "dial_out") {
    if (edition === "free") return "EDITION_DENIED";
    if (["pro", "business", "education"].includes(edition) && !has("dial_out")) return "NOT_GRANTED";
  }
  if (overseas) {
    if (edition === "free" || edition === "pro") return "EDITION_DENIED";
    if (!has("overseas")) return "NOT_GRANTED";
  }
  return null;
}

describe("edition gates: every edition × kind × destination × grants", () => {
  const cases = EDITIONS.flatMap((edition) =>
    (["dial_in_toll", "dial_in_toll_free", "call_me", "dial_out"] as const).flatMap((kind) =>
      [false, true].flatMap((overseas) => GRANT_SETS.map((grants) => [edition, kind, overseas, grants] as const)),
    ),
  );
  it.each(cases)("%s %s overseas=%s grants=%j", (edition, kind, overseas, grants) => {
    const country = kind.startsWith("dial_in") ? "CN" : overseas ? "GB" : "CN";
    const want = kind.startsWith("dial_in") ? null : expected(edition, kind, overseas, grants);
    expect(editionGate({ kind, country }, { edition, grants }, "CN")).toBe(want);
  });
  it.each([
    ["free", "call_me", "CN", [], null],
    ["free", "call_me", "HK", [], "EDITION_DENIED"],
    ["free", "dial_out", "CN", ["dial_out", "overseas"], "EDITION_DENIED"],
    ["pro", "dial_out", "CN", [], "NOT_GRANTED"],
    ["pro", "dial_out", "CN", ["dial_out"], null],
    ["pro", "dial_out", "US", ["dial_out", "overseas"], "EDITION_DENIED"],
    ["business", "dial_out", "US", ["dial_out"], "NOT_GRANTED"],
    ["business", "dial_out", "US", ["dial_out", "overseas"], null],
    ["education", "call_me", "JP", ["overseas"], null],
    ["enterprise", "dial_out", "CN", [], null],
    ["enterprise", "dial_out", "SG", [], "NOT_GRANTED"],
  ] as const)("spot check: %s %s to %s with %j → %s", (edition, kind, country, grants, want) =>
    expect(editionGate({ kind, country }, { edition, grants }, "CN")).toBe(want),
  );
});

describe("outbound policy per organisation, overridable per member", () => {
  const P: (OutboundPolicy | null)[] = [null, "any", "domestic", "none"];
  it.each(P.flatMap((o) => P.map((m) => [o, m] as const)))("org %s, member %s", (org, member) => {
    expect(effectivePolicy(org, member)).toBe(member ?? org ?? "any");
  });
  it.each([
    ["any", "dial_out", "GB", true],
    ["any", "dial_out", "CN", true],
    ["domestic", "dial_out", "CN", true],
    ["domestic", "dial_out", "GB", false],
    ["none", "dial_out", "CN", false],
    ["none", "dial_out", "GB", false],
    ["none", "call_me", "CN", true],
    ["none", "dial_in_toll", "CN", true],
    ["domestic", "call_me", "GB", true],
  ] as const)("%s allows %s to %s: %s", (policy, kind, country, allowed) =>
    expect(policyAllows(policy, { kind, country }, "CN")).toBe(allowed),
  );
});

describe("balance floor with overdraft", () => {
  it.each([
    [100, 0, 100, true],
    [100, 0, 101, false],
    [0, 0, 0, true],
    [0, 0, 1, false],
    [0, 500, 500, true],
    [0, 500, 501, false],
    [-200, 500, 300, true],
    [-200, 500, 301, false],
    [100, -50, 100, true], // a negative overdraft counts as none
  ])("balance %i, overdraft %i, charge %i: %s", (b, o, c, ok) => expect(fitsFloor(b, o, c)).toBe(ok));
  it.each([
    [100, 0, 100],
    [-10, 0, 0],
    [-10, 50, 40],
  ])("spendable of %i with overdraft %i: %i", (b, o, s) => expect(spendableFen(b, o)).toBe(s));
});

describe("authorize: policy, then edition, then grant, then credit", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const facts = {
    edition: "business",
    grants: ["dial_out", "overseas"] as PhoneGrant[],
    orgPolicy: null,
    memberPolicy: null,
    balanceFen: 10000,
    overdraftFen: 0,
  };
  it("allows with the rate and the minutes the balance covers", () =>
    expect(authorizeCall(phoneRateCard, { kind: "dial_out", country: "GB" }, facts, now)).toEqual({
      allow: true,
      kind: "dial_out",
      country: "GB",
      rate: "1.20",
      rateVersion: "2026-01",
      maxMinutes: 83,
    }));
  it.each([
    ["a UK dial-out under domestic only", { orgPolicy: "domestic" as const }, "dial_out", "GB", "POLICY_DENIED"],
    ["a member override of none", { memberPolicy: "none" as const }, "dial_out", "CN", "POLICY_DENIED"],
    ["policy wins over the edition", { orgPolicy: "none" as const, edition: "free" }, "dial_out", "CN", "POLICY_DENIED"],
    ["the free edition dialling out", { edition: "free" }, "dial_out", "CN", "EDITION_DENIED"],
    ["no overseas grant", { grants: ["dial_out"] as PhoneGrant[] }, "call_me", "US", "NOT_GRANTED"],
    ["no credit", { balanceFen: 0 }, "call_me", "CN", "INSUFFICIENT_CREDIT"],
    ["less than a minute of credit", { balanceFen: 24 }, "call_me", "CN", "INSUFFICIENT_CREDIT"],
    ["an unknown country", {}, "dial_out", "FR", "UNKNOWN_DESTINATION"],
  ] as const)("denies %s", (_name, change, kind, country, reason) =>
    expect(authorizeCall(phoneRateCard, { kind, country }, { ...facts, ...change }, now)).toEqual({ allow: false, reason }),
  );
  it("a member override of any lifts a domestic-only organisation", () =>
    expect(
      authorizeCall(phoneRateCard, { kind: "dial_out", country: "GB" }, { ...facts, orgPolicy: "domestic", memberPolicy: "any" }, now),
    ).toMatchObject({ allow: true }));
  it("the overdraft counts as credit", () =>
    expect(
      authorizeCall(phoneRateCard, { kind: "call_me", country: "CN" }, { ...facts, balanceFen: 0, overdraftFen: 100 }, now),
    ).toMatchObject({ allow: true, maxMinutes: 4 }));
});
