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
  { ok: true } | { ok: false; error: "INVALID" | "NOT_FOUND" | "UNAUTHENTICATED"; fieldErrors?: Record<string, string[]> };

export const setPhonePolicySchema = z.object({
  organisationId: id,
  /** Empty: the organisation's own policy; else a member's override. */
  member: z.string().trim().max(128).optional(),
  policy: z.enum([...OUTBOUND_POLICIES, "inherit"]),
});
