// Voucher rules: codes, the pricing module's view of a stored voucher, and whether one can be
// used now. The statements are in lib/db/queries/vouchers.ts; redeeming happens with the order.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { findVoucherByCode, redeemVoucher, unredeemVoucherOfOrder } from "@/lib/db/queries/vouchers";
import type { OrderLineRow, VoucherRow } from "@/lib/db/schema";
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

const VOUCHER_SKU_PREFIX = "voucher:";

/** The voucher code an order's stored lines carry (its `voucher:<code>` adjustment line), if any. */
export function voucherCodeOf(lines: readonly Pick<OrderLineRow, "kind" | "sku">[]): string | undefined {
  const line = lines.find((l) => l.kind === "adjustment" && l.sku.startsWith(VOUCHER_SKU_PREFIX));
  return line?.sku.slice(VOUCHER_SKU_PREFIX.length);
}

/**
 * An order that redeemed a single-use voucher ended unpaid (expired, cancelled): the voucher is
 * handed back in that transaction, like a quote (lib/quotes/lifecycle.ts releaseQuote).
 */
export async function releaseVoucher(tx: Db, params: { orderId: string }): Promise<boolean> {
  return (await unredeemVoucherOfOrder(tx, params)).length > 0;
}

/**
 * A late payment arrived for an order whose voucher had been handed back: the order redeems it
 * again unless another order took it meanwhile (then both orders stand: the money was received).
 * A voucher that is not single-use has no redemption to take back, so nothing changes. True when it changed.
 */
export async function reclaimVoucher(tx: Db, params: { orderId: string; code: string; now: Date }): Promise<boolean> {
  return redeemVoucher(tx, { code: params.code, orderId: params.orderId, now: params.now });
}
