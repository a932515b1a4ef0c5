import { describe, expect, it } from "vitest";
import { agreementsFor, agreementVersions } from "@/lib/agreements";
import { price, y } from "@/lib/pricing/test-helpers";
import type { CartInput } from "@/lib/pricing/types";
import { fieldIdFor, problemTarget, reachable, stepApplies, stepOfPath, STEPS, type StepContext } from "./steps";

const cart: CartInput = { edition: "business", seats: 10, term: y(1), addons: [] };
const ctx = (over: Partial<StepContext> = {}): StepContext => ({
  edition: "business",
  draft: { idempotencyKey: "k", consents: [] },
  detailsValid: false,
  freeOrganisationIds: [],
  agreements: agreementVersions(),
  ...over,
});
const allConsents = agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version, acceptedAt: "2026-11-22T00:00:00Z" }));
const step = (i: number) => STEPS[i];

describe("wizard steps", () => {
  const rows: [string, CartInput, StepContext, string][] = [
    ["an empty cart stops at the edition", { ...cart, edition: "" }, ctx({ edition: "" }), "edition"],
    ["seats out of range stop at the edition", { ...cart, seats: 3 }, ctx(), "edition"],
    ["a bad term stops at the term", { ...cart, term: { unit: "month", count: 12 } }, ctx(), "term"],
    ["an add-on over the seats stops at the add-ons", { ...cart, addons: [{ sku: "large-meeting-500", quantity: 11 }] }, ctx(), "addons"],
    ["a valid cart without consents stops at the agreements", cart, ctx(), "agreements"],
    [
      "a stale consent version still stops at the agreements",
      cart,
      ctx({ draft: { idempotencyKey: "k", consents: allConsents.map((c, i) => (i ? c : { ...c, version: "old" })) } }),
      "agreements",
    ],
    [
      "consents given, details missing: the organisation",
      cart,
      ctx({ draft: { idempotencyKey: "k", consents: allConsents } }),
      "organisation",
    ],
    [
      "details valid, no free organisation: straight to review",
      cart,
      ctx({ draft: { idempotencyKey: "k", consents: allConsents }, detailsValid: true }),
      "review",
    ],
    [
      "a free organisation and no choice: the upgrade step",
      cart,
      ctx({ draft: { idempotencyKey: "k", consents: allConsents }, detailsValid: true, freeOrganisationIds: ["o1"] }),
      "upgrade",
    ],
    [
      "a choice of someone else's organisation is not a choice",
      cart,
      ctx({
        draft: { idempotencyKey: "k", consents: allConsents, upgrade: { method: "in-place", organisationId: "o2" } },
        detailsValid: true,
        freeOrganisationIds: ["o1"],
      }),
      "upgrade",
    ],
    [
      "upgrading one's own organisation reaches review",
      cart,
      ctx({
        draft: { idempotencyKey: "k", consents: allConsents, upgrade: { method: "in-place", organisationId: "o1" } },
        detailsValid: true,
        freeOrganisationIds: ["o1"],
      }),
      "review",
    ],
    [
      "a paid organisation and no choice: the upgrade step (no second purchase by accident)",
      cart,
      ctx({ draft: { idempotencyKey: "k", consents: allConsents }, detailsValid: true, paidOrganisationIds: ["p1"] }),
      "upgrade",
    ],
    [
      "a paid organisation cannot be upgraded in place",
      cart,
      ctx({
        draft: { idempotencyKey: "k", consents: allConsents, upgrade: { method: "in-place", organisationId: "p1" } },
        detailsValid: true,
        paidOrganisationIds: ["p1"],
      }),
      "upgrade",
    ],
    [
      "a paid organisation and an explicit new one reaches review",
      cart,
      ctx({
        draft: { idempotencyKey: "k", consents: allConsents, upgrade: { method: "new" } },
        detailsValid: true,
        paidOrganisationIds: ["p1"],
      }),
      "review",
    ],
    ["a locked quote starts at the agreements", cart, ctx({ quote: "locked" }), "agreements"],
    [
      "a locked quote whose cart no longer prices goes no further than the skipped steps",
      { ...cart, seats: 3 },
      ctx({ quote: "locked" }),
      "edition",
    ],
    ["an editable quote still walks the configurator", { ...cart, term: { unit: "month", count: 12 } }, ctx({ quote: "editable" }), "term"],
  ];
  it.each(rows)("%s", (_name, c, context, expected) => {
    expect(step(reachable(price(c), context))).toBe(expected);
  });

  it("shows the upgrade step only to buyers who already have an organisation, free or paid", () => {
    expect(stepApplies("upgrade", ctx())).toBe(false);
    expect(stepApplies("upgrade", ctx({ freeOrganisationIds: ["o1"] }))).toBe(true);
    expect(stepApplies("upgrade", ctx({ paidOrganisationIds: ["p1"] }))).toBe(true);
    expect(stepApplies("upgrade", ctx({ paidOrganisationIds: [] }))).toBe(false);
    expect(STEPS.filter((s) => s !== "upgrade").every((s) => stepApplies(s, ctx()))).toBe(true);
  });

  it("a locked quote skips the configurator steps; an editable one keeps them", () => {
    expect(STEPS.filter((s) => stepApplies(s, ctx({ quote: "locked" })))).toEqual(["agreements", "organisation", "review"]);
    expect(STEPS.filter((s) => stepApplies(s, ctx({ quote: "editable" })))).toEqual([
      "edition",
      "term",
      "addons",
      "agreements",
      "organisation",
      "review",
    ]);
  });
});

describe("where a problem is fixed", () => {
  const lines: CartInput = {
    ...cart,
    addons: [
      { sku: "large-meeting-500", quantity: 1 },
      { sku: "hologram", quantity: 1 },
      { sku: "phone-pack-20", quantity: 1, term: y(1) },
    ],
  };
  it.each([
    ["edition", "edition", "edition-group"],
    ["seats", "edition", "seats"],
    ["term", "term", "term-count"],
    ["addons[0].quantity", "addons", "addon-large-meeting-500-0"],
    ["addons[0].sku", "addons", "addon-large-meeting-500-0"],
    ["addons[0].term", "addons", "addon-large-meeting-500-0-term"],
    ["addons[1].sku", "addons", "addon-1-errors"],
    ["addons[2].term", "addons", "addon-phone-pack-20-2"],
    ["voucher", "review", "voucher"],
  ])("%s is on the %s step, field #%s", (path, step, field) => {
    expect(stepOfPath(path)).toBe(step);
    expect(fieldIdFor(path, lines)).toBe(field);
  });

  const addons = STEPS.indexOf("addons");
  const term = STEPS.indexOf("term");
  const edition = STEPS.indexOf("edition");
  it.each([
    [
      "its own field when its step is open",
      "WEBINAR_EXCEEDS_SEATS",
      "addons[0].quantity",
      addons,
      { step: "addons", field: "addon-large-meeting-500-0" },
    ],
    [
      "the seats for a cap while add-ons are closed",
      "LARGE_MEETING_EXCEEDS_SEATS",
      "addons[0].quantity",
      term,
      { step: "edition", field: "seats" },
    ],
    [
      "the term for a term rule while add-ons are closed",
      "ADDON_TERM_EXCEEDS_SEATS_TERM",
      "addons[0].term",
      term,
      { step: "term", field: "term-count" },
    ],
    ["the furthest open step for anything else", "ADDON_NOT_AVAILABLE", "addons[0].sku", edition, { step: "edition" }],
  ] as const)("leads to %s", (_, code, path, furthest, target) => {
    expect(problemTarget({ code, path }, lines, furthest)).toEqual(target);
  });
});
