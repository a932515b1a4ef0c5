import { z } from "zod";
import { OUTBOUND_POLICIES } from "@/lib/phone/access";

const id = z.string().min(1).max(100);

export const createApiKeySchema = z.object({
  organisationId: id,
  name: z.string().trim().min(1, "Phone.errors.keyName").max(60, "Phone.errors.keyName"),
  scopeUsage: z.literal("on").optional(),
  scopeAuthorize: z.literal("on").optional(),
});
export type CreateApiKeyResult =
  | { ok: true; token: string; name: string }
  | { ok: false; error: "INVALID"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "NOT_FOUND" | "UNAUTHENTICATED" };

export const revokeApiKeySchema = z.object({ organisationId: id, keyId: id });
export type SimpleResult =
  { ok: true } | { ok: false; error: "INVALID" | "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN"; fieldErrors?: Record<string, string[]> };

export const setPhonePolicySchema = z.object({
  organisationId: id,
  /** Empty: the organisation's own policy; else a member's override. */
  member: z.string().trim().max(128).optional(),
  policy: z.enum([...OUTBOUND_POLICIES, "inherit"]),
});

/** A whole yuan amount typed in a form ("50"), as fen; empty → undefined. */
const yuan = z
  .string()
  .trim()
  .regex(/^\d{1,7}$/, "Phone.errors.wholeYuan")
  .transform((s) => Number(s) * 100);
const optionalYuan = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), yuan.optional());

export const setLowBalanceSchema = z.object({ organisationId: id, threshold: optionalYuan });

export const setAutoRechargeSchema = z
  .object({
    organisationId: id,
    enabled: z.literal("on").optional(),
    agreementId: z.string().max(100).optional(),
    threshold: yuan,
    mode: z.enum(["amount", "target"]),
    amount: optionalYuan,
    target: optionalYuan,
    monthlyCap: yuan,
  })
  .superRefine((v, ctx) => {
    if (v.mode === "amount" && (v.amount ?? 0) < 2000) ctx.addIssue({ code: "custom", path: ["amount"], message: "Phone.errors.minimum" });
    if (v.mode === "target" && (v.target ?? 0) <= v.threshold)
      ctx.addIssue({ code: "custom", path: ["target"], message: "Phone.errors.target" });
    if (v.monthlyCap < 2000) ctx.addIssue({ code: "custom", path: ["monthlyCap"], message: "Phone.errors.minimum" });
    if (v.enabled && !v.agreementId) ctx.addIssue({ code: "custom", path: ["agreementId"], message: "Phone.errors.agreement" });
  });

export const operatorPhoneSchema = z.object({
  organisationId: id,
  dialOut: z.literal("on").optional(),
  overseas: z.literal("on").optional(),
  overdraft: yuan,
});

export const adjustmentSchema = z.object({
  organisationId: id,
  amount: z
    .string()
    .trim()
    .regex(/^-?\d{1,7}(\.\d{1,2})?$/, "Phone.errors.adjustment")
    .refine((s) => Number(s) !== 0, "Phone.errors.adjustment"),
  reason: z.string().trim().min(3, "Phone.errors.reason").max(200, "Phone.errors.reason"),
});
