import { z } from "zod";
import { INSTITUTION_TYPES } from "./organisation-choices";
import { USCC_PROBLEM_KEYS, usccProblem } from "./uscc";

/*
 * Error messages are message keys (namespace "OrgDetails.errors"), not text: forms and actions
 * translate them in the buyer's language with `t(issue.message)`.
 */
const error = (key: string) => ({ error: `OrgDetails.errors.${key}` });

/** A required line of text, trimmed, between `min` and `max` characters. */
const text = (key: string, min: number, max: number) => z.string(error(key)).trim().min(min, error(key)).max(max, error(key));

/** An optional text field: "" (an untouched input) and undefined both mean "not given". */
const optional = <T extends z.ZodType<string | undefined>>(schema: T) =>
  z.union([z.literal("").transform(() => undefined), schema]).optional();

/** A mainland-China mobile number; spaces, hyphens and a +86 prefix are removed first. */
export const mobileSchema = z
  .string(error("mobile"))
  .overwrite((v) => v.replace(/[\s-]/g, "").replace(/^(\+|00)86/, ""))
  .regex(/^1[3-9]\d{9}$/, error("mobile"));

export const emailSchema = z.string(error("email")).trim().max(254, error("email")).regex(z.regexes.email, error("email"));

/**
 * A unified social credit code, stored upper-case, with its check character verified; each way it
 * can be wrong (missing, length, characters, check character) has its own message.
 */
export const usccSchema = z
  .string(error("uscc"))
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: `OrgDetails.errors.${USCC_PROBLEM_KEYS[problem]}` });
  });

/** Who the organisation is and whom to contact. */
export const organisationDetailsSchema = z.object({
  organisationName: text("organisationName", 2, 100),
  contactName: text("contactName", 1, 50),
  mobile: mobileSchema,
  email: emailSchema,
});
export type OrganisationDetails = z.infer<typeof organisationDetailsSchema>;

const noInvoiceSchema = z.object({ type: z.literal("none") });

/** An ordinary VAT invoice (普通发票): a title; the credit code is optional (individuals have none) but checked when given. */
export const ordinaryInvoiceSchema = z.object({
  type: z.literal("ordinary"),
  title: text("invoiceTitle", 2, 100),
  uscc: optional(usccSchema),
});

/** A special VAT invoice (增值税专用发票): the buyer's tax registration details are all required. */
export const specialInvoiceSchema = ordinaryInvoiceSchema.extend({
  type: z.literal("special"),
  uscc: usccSchema,
  bankName: text("bankName", 2, 100),
  bankAccount: z
    .string(error("bankAccount"))
    .overwrite((v) => v.replace(/[\s-]/g, ""))
    .regex(/^\d{6,32}$/, error("bankAccount")),
  registeredAddress: text("registeredAddress", 4, 200),
  registeredPhone: z
    .string(error("registeredPhone"))
    .trim()
    .regex(/^\+?[\d\s()-]{7,20}$/, error("registeredPhone")),
});

/** What invoice, if any, the buyer wants with the order. */
export const invoiceRequestSchema = z.discriminatedUnion("type", [noInvoiceSchema, ordinaryInvoiceSchema, specialInvoiceSchema], {
  error: "OrgDetails.errors.invoiceType",
});
export type InvoiceRequest = z.infer<typeof invoiceRequestSchema>;
export type OrdinaryInvoice = z.infer<typeof ordinaryInvoiceSchema>;
export type SpecialInvoice = z.infer<typeof specialInvoiceSchema>;

/**
 * The institution an education order is for, and its proof: the file uploaded beforehand
 * (POST /api/uploads/education-proof), by id, with its name to show. The server checks that the
 * upload exists and belongs to the buyer.
 */
export const educationVerificationSchema = z.object({
  institutionName: text("institutionName", 2, 100),
  institutionType: z.enum(INSTITUTION_TYPES, error("institutionType")),
  proofUploadId: z.uuid(error("proofFile")),
  proofFileName: text("proofFile", 1, 255),
});
export type EducationVerification = z.infer<typeof educationVerificationSchema>;
