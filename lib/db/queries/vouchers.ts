import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { VoucherTerms } from "@/lib/pricing/types";
import type { CreateVoucherInput } from "@/lib/validations/voucher";
import type { Db } from "../client";
import { orders, vouchers, type VoucherRow } from "../schema";

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

/** Stores a new voucher; false when the code exists already. */
export async function createVoucher(
  db: Db,
  params: { input: CreateVoucherInput & { code: string }; createdBy: string; now: Date },
): Promise<boolean> {
  const { input } = params;
  const inserted = await db
    .insert(vouchers)
    .values({
      code: input.code,
      kind: input.kind,
      amount: input.kind === "cash" ? (input.amount ?? null) : null,
      percent: input.kind === "percent" ? (input.percent ?? null) : null,
      minimumSpend: input.minimumSpend ?? null,
      singleUse: input.singleUse,
      expiresAt: input.expiresAt ?? null,
      createdBy: params.createdBy,
      createdAt: params.now,
    })
    .onConflictDoNothing({ target: vouchers.code })
    .returning({ code: vouchers.code });
  return inserted.length === 1;
}

export type VoucherLookup =
  | { ok: true; terms: VoucherTerms; singleUse: boolean }
  | { ok: false; error: "VOUCHER_UNKNOWN" | "VOUCHER_EXPIRED" }
  | { ok: false; error: "VOUCHER_USED"; redeemedOrderId: string; terms: VoucherTerms; singleUse: boolean };

/** A voucher that can be used now, as pricing terms, or why not. Read-only: redeeming happens with the order. */
export async function lookupVoucher(db: Db, params: { code: string; now: Date }): Promise<VoucherLookup> {
  const [row] = await db.select().from(vouchers).where(eq(vouchers.code, params.code));
  if (!row) return { ok: false, error: "VOUCHER_UNKNOWN" };
  if (row.redeemedOrderId !== null)
    return { ok: false, error: "VOUCHER_USED", redeemedOrderId: row.redeemedOrderId, terms: voucherTerms(row), singleUse: row.singleUse };
  if (row.expiresAt !== null && row.expiresAt <= params.now) return { ok: false, error: "VOUCHER_EXPIRED" };
  return { ok: true, terms: voucherTerms(row), singleUse: row.singleUse };
}

/**
 * Marks a single-use voucher redeemed by an order, inside the order's transaction. The update
 * only matches an unredeemed row, so of concurrent checkouts exactly one gets a row back.
 */
export async function redeemVoucher(tx: Db, params: { code: string; orderId: string; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(vouchers)
    .set({ redeemedOrderId: params.orderId, redeemedAt: params.now })
    .where(and(eq(vouchers.code, params.code), eq(vouchers.singleUse, true), isNull(vouchers.redeemedOrderId)))
    .returning({ code: vouchers.code });
  return rows.length === 1;
}

/** Every voucher, newest first, with the number of the order that redeemed it. */
export async function listVouchers(db: Db, params: { limit: number }) {
  return db
    .select({ voucher: vouchers, orderNumber: orders.number })
    .from(vouchers)
    .leftJoin(orders, eq(orders.id, vouchers.redeemedOrderId))
    .orderBy(desc(vouchers.createdAt))
    .limit(params.limit);
}

/** A voucher by its code whatever its state (redeemed, expired), or undefined: an order's page re-words its voucher line from it. */
export async function getVoucherByCode(db: Db, params: { code: string }): Promise<VoucherRow | undefined> {
  const [row] = await db.select().from(vouchers).where(eq(vouchers.code, params.code));
  return row;
}
