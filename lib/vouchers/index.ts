// Voucher rules: codes, the pricing module's view of a stored voucher, and whether one can be
// used now. The statements are in lib/db/queries/vouchers.ts; redeeming happens with the order.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { findVoucherByCode } from "@/lib/db/queries/vouchers";
import type { VoucherRow } from "@/lib/db/schema";
import type { VoucherTerms } from "@/lib/pricing/types";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** An unguessable readable code: V- and 10 unambiguous characters (50 bits). */
export function generateVoucherCode(): string {
  return `V-${Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

/** The pricing module's view of a stored voucher. */
export function voucherTerms(row: VoucherRow): VoucherTerms {
  return {
    code: row.code,
    kind: row.kind,
    ...(row.amount !== null ? { amount: row.amount } : {}),
    ...(row.percent !== null ? { percent: row.percent } : {}),
    ...(row.minimumSpend !== null ? { minimumSpend: row.minimumSpend } : {}),
  };
}

export type VoucherLookup =
  | { ok: true; terms: VoucherTerms; singleUse: boolean }
  | { ok: false; error: "VOUCHER_UNKNOWN" | "VOUCHER_EXPIRED" }
  | { ok: false; error: "VOUCHER_USED"; redeemedOrderId: string; terms: VoucherTerms; singleUse: boolean };

/** Whether a stored voucher can be used at `now`, as pricing terms, or why not. */
export function voucherUsability(row: VoucherRow | undefined, now: Date): VoucherLookup {
  if (!row) return { ok: false, error: "VOUCHER_UNKNOWN" };
  if (row.redeemedOrderId !== null)
    return { ok: false, error: "VOUCHER_USED", redeemedOrderId: row.redeemedOrderId, terms: voucherTerms(row), singleUse: row.singleUse };
  if (row.expiresAt !== null && row.expiresAt <= now) return { ok: false, error: "VOUCHER_EXPIRED" };
  return { ok: true, terms: voucherTerms(row), singleUse: row.singleUse };
}

/** A voucher that can be used now, as pricing terms, or why not. Read-only: redeeming happens with the order. */
export async function lookupVoucher(db: Db, params: { code: string; now: Date }): Promise<VoucherLookup> {
  return voucherUsability(await findVoucherByCode(db, { code: params.code }), params.now);
}
