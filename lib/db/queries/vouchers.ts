// Statements on vouchers. The rules (codes, usability) are in lib/vouchers.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { CreateVoucherInput } from "@/lib/validations/voucher";
import type { Db } from "../client";
import { orders, vouchers, type VoucherRow } from "../schema";

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

/** The stored voucher with this code, if any. */
export async function findVoucherByCode(db: Db, params: { code: string }): Promise<VoucherRow | undefined> {
  const [row] = await db.select().from(vouchers).where(eq(vouchers.code, params.code));
  return row;
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

/**
 * Hands back the single-use voucher an order redeemed (the order ended unpaid), inside that
 * order's transaction: it can be used again. The code(s) handed back.
 */
export async function unredeemVoucherOfOrder(tx: Db, params: { orderId: string }): Promise<string[]> {
  const rows = await tx
    .update(vouchers)
    .set({ redeemedOrderId: null, redeemedAt: null })
    .where(eq(vouchers.redeemedOrderId, params.orderId))
    .returning({ code: vouchers.code });
  return rows.map((r) => r.code);
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
