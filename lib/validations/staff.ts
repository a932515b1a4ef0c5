import { z } from "zod";
import { signUpSchema } from "@/lib/auth/validation";

// Error messages are message keys ("Staff.errors.…", and "Auth.errors.…" for the fields shared with sign-up).
const error = (key: string) => ({ error: `Staff.errors.${key}` });

export const MIN_DISCOUNT_LIMIT_PERCENT = 0;
export const MAX_DISCOUNT_LIMIT_PERCENT = 100;

/** A whole percent 0–100, typed ("12", " 12 ") or given as a number; blank is missing. */
export const discountLimitPercentSchema = z.preprocess(
  (v) => (typeof v === "string" ? (/^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v.trim() === "" ? undefined : Number.NaN) : v),
  z
    .number(error("percent"))
    .int(error("percent"))
    .min(MIN_DISCOUNT_LIMIT_PERCENT, error("percent"))
    .max(MAX_DISCOUNT_LIMIT_PERCENT, error("percent")),
);

/** The operator's create-a-sales-account form: sign-up's name, email and password rules, plus the limit. */
export const createSalesAccountSchema = signUpSchema.extend({ discountLimitPercent: discountLimitPercentSchema });
export type CreateSalesAccountInput = z.input<typeof createSalesAccountSchema>;
export type CreateSalesAccountValues = z.output<typeof createSalesAccountSchema>;
export type CreateSalesAccountField = keyof CreateSalesAccountValues;

/** One sales row's change-the-limit form. */
export const setDiscountLimitSchema = z.object({
  id: z.string(error("generic")).min(1, error("generic")).max(200, error("generic")),
  discountLimitPercent: discountLimitPercentSchema,
});
export type SetDiscountLimitValues = z.output<typeof setDiscountLimitSchema>;

/** What the create action answers; only bugs throw. */
export type CreateSalesAccountResult =
  | { ok: true; name: string; email: string }
  | { ok: false; error: "INVALID" | "ALREADY_STAFF" | "EMAIL_REGISTERED"; fieldErrors: Partial<Record<CreateSalesAccountField, string[]>> }
  | { ok: false; error: "UNAUTHENTICATED" | "FORBIDDEN" };

/** What the set-limit action answers; NOT_SALES when the account is (no longer) a sales account. */
export type SetDiscountLimitResult =
  | { ok: true; id: string; percent: number }
  | { ok: false; error: "INVALID"; fieldErrors: Partial<Record<keyof SetDiscountLimitValues, string[]>> }
  | { ok: false; error: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_SALES" };
