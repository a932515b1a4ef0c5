import { z } from "zod";
import { isAmount, isZero } from "@/lib/money";
import { amountFieldSchema } from "./money";

// Error messages are message keys under "Vouchers.errors", translated where they are shown.
const error = (key: string) => ({ error: `Vouchers.errors.${key}` });

/** A voucher code as buyers type it: case and surrounding spaces do not matter. */
export const voucherCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, error("code"));

const money = (key: string) => amountFieldSchema({ message: error(key).error });
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The operator's create-voucher form. An empty code is generated; amount or percent by kind. */
export const createVoucherSchema = z
  .object({
    code: z.preprocess(blankToUndefined, voucherCodeSchema.optional()),
    kind: z.enum(["cash", "percent"]),
    amount: z.preprocess(blankToUndefined, money("amount").optional()),
    percent: z.preprocess(
      blankToUndefined,
      z.coerce.number(error("percent")).int(error("percent")).min(1, error("percent")).max(99, error("percent")).optional(),
    ),
    minimumSpend: z.preprocess(blankToUndefined, money("minimumSpend").optional()),
    singleUse: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    // A datetime-local value carries no zone: operators mean China time.
    expiresAt: z.preprocess(
      (v) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? `${v}:00+08:00` : blankToUndefined(v)),
      z.coerce.date(error("expiresAt")).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "cash" && (v.amount === undefined || (isAmount(v.amount) && isZero(v.amount))))
      ctx.addIssue({ code: "custom", path: ["amount"], message: error("amount").error });
    if (v.kind === "percent" && v.percent === undefined)
      ctx.addIssue({ code: "custom", path: ["percent"], message: error("percent").error });
  });
export type CreateVoucherInput = z.output<typeof createVoucherSchema>;

/** What the create-voucher action answers; only bugs throw. */
export type CreateVoucherResult =
  | { ok: true; code: string }
  | { ok: false; error: "INVALID"; fieldErrors: Partial<Record<keyof CreateVoucherInput, string[]>> }
  | { ok: false; error: "UNAUTHENTICATED" | "FORBIDDEN" | "CODE_TAKEN" };

/** Why a voucher code cannot be used. */
export type VoucherLookupError = "VOUCHER_UNKNOWN" | "VOUCHER_EXPIRED" | "VOUCHER_USED";
