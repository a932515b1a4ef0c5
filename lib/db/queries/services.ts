import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { phoneCreditLedger, serviceItems, type PhoneCreditEntryRow, type ServiceItemRow } from "../schema";

export type NewServiceItem = typeof serviceItems.$inferInsert;
export type NewPhoneCreditEntry = typeof phoneCreditLedger.$inferInsert;

/** An organisation's purchased service items, soonest expiry first. */
export async function getServices(db: Db, params: { organisationId: string }): Promise<ServiceItemRow[]> {
  return db
    .select()
    .from(serviceItems)
    .where(eq(serviceItems.organisationId, params.organisationId))
    .orderBy(asc(serviceItems.expiresAt), asc(serviceItems.sku), asc(serviceItems.createdAt));
}

/** Stores service items (fulfilment); call inside the fulfilling transaction. */
export async function insertServiceItems(db: Db, rows: NewServiceItem[]): Promise<void> {
  if (rows.length) await db.insert(serviceItems).values(rows);
}

/** Appends entries to the phone-credit ledger; the ledger is never updated in place. */
export async function appendPhoneCredit(db: Db, rows: NewPhoneCreditEntry[]): Promise<void> {
  if (rows.length) await db.insert(phoneCreditLedger).values(rows);
}

/** An organisation's phone-credit balance: the ledger's exact sum, e.g. "2000.00". */
export async function phoneCreditBalance(db: Db, params: { organisationId: string }): Promise<string> {
  const [row] = await db
    .select({ balance: sql<string>`coalesce(sum(${phoneCreditLedger.amount}), 0)::numeric(14,2)::text` })
    .from(phoneCreditLedger)
    .where(eq(phoneCreditLedger.organisationId, params.organisationId));
  return row?.balance ?? "0.00";
}

/** An organisation's ledger, oldest first. */
export async function getPhoneCreditLedger(db: Db, params: { organisationId: string }): Promise<PhoneCreditEntryRow[]> {
  return db
    .select()
    .from(phoneCreditLedger)
    .where(eq(phoneCreditLedger.organisationId, params.organisationId))
    .orderBy(asc(phoneCreditLedger.createdAt));
}
