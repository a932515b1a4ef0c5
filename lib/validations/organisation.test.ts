import { describe, expect, it } from "vitest";
import { educationOrganisationStepSchema } from "./checkout";
import { educationVerificationSchema, invoiceRequestSchema, organisationDetailsSchema } from "./organisation";

/** The message keys of every issue, by dotted path, so a row states exactly which fields fail and why. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

const org = { organisationName: "北京某某科技有限公司", contactName: "张三", mobile: "13812345678", email: "zhang@example.cn" };

describe("organisationDetailsSchema", () => {
  it.each([
    ["a complete organisation", {}, {}],
    ["a 2-character name", { organisationName: "某司" }, {}],
    ["a 100-character name", { organisationName: "名".repeat(100) }, {}],
    ["a 1-character name", { organisationName: "某" }, { organisationName: "OrgDetails.errors.organisationName" }],
    ["a 101-character name", { organisationName: "名".repeat(101) }, { organisationName: "OrgDetails.errors.organisationName" }],
    ["a name of spaces", { organisationName: "    " }, { organisationName: "OrgDetails.errors.organisationName" }],
    ["no contact name", { contactName: "" }, { contactName: "OrgDetails.errors.contactName" }],
    ["a 199 number", { mobile: "19912345678" }, {}],
    ["a mobile with spaces and +86", { mobile: "+86 138 1234 5678" }, {}],
    ["a mobile with 0086 and hyphens", { mobile: "0086-138-1234-5678" }, {}],
    ["a 12x number", { mobile: "12812345678" }, { mobile: "OrgDetails.errors.mobile" }],
    ["10 digits", { mobile: "1381234567" }, { mobile: "OrgDetails.errors.mobile" }],
    ["12 digits", { mobile: "138123456789" }, { mobile: "OrgDetails.errors.mobile" }],
    ["a landline", { mobile: "010-12345678" }, { mobile: "OrgDetails.errors.mobile" }],
    ["letters in the mobile", { mobile: "1381234567a" }, { mobile: "OrgDetails.errors.mobile" }],
    ["an email without domain", { email: "zhang@" }, { email: "OrgDetails.errors.email" }],
    ["an email without @", { email: "zhang.example.cn" }, { email: "OrgDetails.errors.email" }],
    ["an email with spaces around", { email: "  zhang@example.cn " }, {}],
    [
      "missing fields",
      { organisationName: undefined, email: undefined },
      { organisationName: "OrgDetails.errors.organisationName", email: "OrgDetails.errors.email" },
    ],
  ])("%s", (_, change, expected) => {
    expect(errorsOf(organisationDetailsSchema.safeParse({ ...org, ...change }))).toEqual(expected);
  });

  it("normalises what it accepts", () => {
    const parsed = organisationDetailsSchema.parse({
      ...org,
      organisationName: " 某某公司 ",
      mobile: "+86 138-1234-5678",
      email: " zhang@example.cn ",
    });
    expect(parsed).toEqual({ ...org, organisationName: "某某公司", mobile: "13812345678", email: "zhang@example.cn" });
  });
});

const special = {
  type: "special",
  title: "北京某某科技有限公司",
  uscc: "91110000600037341L",
  bankName: "中国工商银行北京分行",
  bankAccount: "0200 0000 0000 0000 000",
  registeredAddress: "北京市海淀区某某路 1 号",
  registeredPhone: "010-12345678",
};

describe("invoiceRequestSchema", () => {
  it.each([
    ["no invoice", { type: "none" }, {}],
    ["no invoice ignores leftover fields", { type: "none", title: "", uscc: "bad" }, {}],
    ["an ordinary invoice with a title only", { type: "ordinary", title: "张三" }, {}],
    ["an ordinary invoice with an empty credit code", { type: "ordinary", title: "张三", uscc: "" }, {}],
    ["an ordinary invoice with a valid credit code", { type: "ordinary", title: "某某公司", uscc: "91350100M000100Y43" }, {}],
    [
      "an ordinary invoice with a wrong check character",
      { type: "ordinary", title: "某某公司", uscc: "91350100M000100Y44" },
      { uscc: "OrgDetails.errors.usccCheck" },
    ],
    ["an ordinary invoice without a title", { type: "ordinary", title: "" }, { title: "OrgDetails.errors.invoiceTitle" }],
    ["a complete special invoice", special, {}],
    ["a special invoice with a lower-case code", { ...special, uscc: "91110000600037341l" }, {}],
    ["a special invoice without a credit code", { ...special, uscc: "" }, { uscc: "OrgDetails.errors.uscc" }],
    ["a special invoice with 17 characters", { ...special, uscc: "91110000600037341" }, { uscc: "OrgDetails.errors.usccLength" }],
    ["a special invoice with an O in its code", { ...special, uscc: "9111000060003734OL" }, { uscc: "OrgDetails.errors.usccCharacters" }],
    [
      "a special invoice without bank details",
      { ...special, bankName: "", bankAccount: "" },
      { bankName: "OrgDetails.errors.bankName", bankAccount: "OrgDetails.errors.bankAccount" },
    ],
    [
      "a special invoice with letters in the account",
      { ...special, bankAccount: "ABC123456" },
      { bankAccount: "OrgDetails.errors.bankAccount" },
    ],
    [
      "a special invoice without address and phone",
      { ...special, registeredAddress: undefined, registeredPhone: "abc" },
      { registeredAddress: "OrgDetails.errors.registeredAddress", registeredPhone: "OrgDetails.errors.registeredPhone" },
    ],
    ["an unknown type", { type: "electronic" }, { type: "OrgDetails.errors.invoiceType" }],
    ["no type", {}, { type: "OrgDetails.errors.invoiceType" }],
  ])("%s", (_, input, expected) => {
    expect(errorsOf(invoiceRequestSchema.safeParse(input))).toEqual(expected);
  });

  it("stores the credit code upper-case and the account without spaces", () => {
    expect(invoiceRequestSchema.parse({ ...special, uscc: " 91110000600037341l " })).toMatchObject({
      uscc: "91110000600037341L",
      bankAccount: "0200000000000000000",
    });
  });

  it("drops an empty optional credit code and fields of other types", () => {
    expect(invoiceRequestSchema.parse({ type: "ordinary", title: "张三", uscc: "", bankName: "x" })).toEqual({
      type: "ordinary",
      title: "张三",
    });
  });
});

const education = {
  institutionName: "某某市第一中学",
  institutionType: "primary-secondary",
  proofUploadId: "5b0c1a52-3c1e-4a8e-9f5d-2f1b6f0c9a11",
  proofFileName: "办学许可证.pdf",
};

describe("educationVerificationSchema", () => {
  it.each([
    ["a complete verification", {}, {}],
    ["each public institution type", { institutionType: "government" }, {}],
    ["a for-profit school", { institutionType: "private-school" }, { institutionType: "OrgDetails.errors.institutionType" }],
    ["no proof", { proofFileName: "" }, { proofFileName: "OrgDetails.errors.proofFile" }],
    ["a file name without an upload", { proofUploadId: undefined }, { proofUploadId: "OrgDetails.errors.proofFile" }],
    ["an upload id that is not a uuid", { proofUploadId: "../etc/passwd" }, { proofUploadId: "OrgDetails.errors.proofFile" }],
    ["no institution name", { institutionName: " " }, { institutionName: "OrgDetails.errors.institutionName" }],
  ])("%s", (_, change, expected) => {
    expect(errorsOf(educationVerificationSchema.safeParse({ ...education, ...change }))).toEqual(expected);
  });

  it("an education order's details are the organisation and contact plus the institution", () => {
    const step = { organisation: org, invoice: { type: "none" }, education };
    expect(educationOrganisationStepSchema.parse(step)).toEqual(step);
    expect(
      errorsOf(educationOrganisationStepSchema.safeParse({ ...step, organisation: { ...org, contactName: "", mobile: "123", email: "" } })),
    ).toEqual({
      "organisation.contactName": "OrgDetails.errors.contactName",
      "organisation.mobile": "OrgDetails.errors.mobile",
      "organisation.email": "OrgDetails.errors.email",
    });
    expect(Object.keys(errorsOf(educationOrganisationStepSchema.safeParse({ ...step, education: undefined })))).toEqual(["education"]);
  });
});
