import { describe, expect, it } from "vitest";
import { approveVerificationSchema, rejectVerificationSchema } from "./verification";

const id = "5b0c1a52-3c1e-4a8e-9f5d-2f1b6f0c9a11";
const errorsOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("rejectVerificationSchema", () => {
  it.each([
    ["a 5-character reason", "证明不清晰", {}],
    ["a 500-character reason", "x".repeat(500), {}],
    ["a reason padded to 5 with spaces", "  abc  ", { reason: "Verification.errors.reason" }],
    ["a 4-character reason", "abcd", { reason: "Verification.errors.reason" }],
    ["a 501-character reason", "x".repeat(501), { reason: "Verification.errors.reason" }],
    ["no reason", undefined, { reason: "Verification.errors.reason" }],
  ])("%s", (_, reason, expected) => {
    expect(errorsOf(rejectVerificationSchema.safeParse({ verificationId: id, reason }))).toEqual(expected);
  });

  it("trims the reason it keeps", () => {
    expect(rejectVerificationSchema.parse({ verificationId: id, reason: "  not a public school \n" }).reason).toBe("not a public school");
  });
});

describe("approveVerificationSchema", () => {
  it.each([
    [id, {}],
    ["not-a-uuid", { verificationId: "Verification.errors.notFound" }],
    [null, { verificationId: "Verification.errors.notFound" }],
  ])("%j", (verificationId, expected) => {
    expect(errorsOf(approveVerificationSchema.safeParse({ verificationId }))).toEqual(expected);
  });
});
