import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { leads, type LeadRow, type NewLead } from "../schema";

export type CreateLeadParams = Omit<NewLead, "id" | "createdAt" | "status">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores a lead once per idempotency key: a repeated submission (double click, retry after a
 * lost response) returns the lead the first one stored, with `created: false`.
 */
export async function createLead(db: Db, params: CreateLeadParams): Promise<{ lead: LeadRow; created: boolean }> {
  const [inserted] = await db.insert(leads).values(params).onConflictDoNothing({ target: leads.idempotencyKey }).returning();
  if (inserted) return { lead: inserted, created: true };
  const [existing] = await db.select().from(leads).where(eq(leads.idempotencyKey, params.idempotencyKey)).limit(1);
  if (!existing) throw new Error(`Lead with idempotency key ${params.idempotencyKey} conflicted but cannot be found`);
  return { lead: existing, created: false };
}

/** One lead by id; undefined when there is none or the id is not a UUID (ids come from URLs). */
export async function getLead(db: Db, params: { id: string }): Promise<LeadRow | undefined> {
  if (!UUID.test(params.id)) return undefined;
  const [row] = await db.select().from(leads).where(eq(leads.id, params.id)).limit(1);
  return row;
}

/** The most recent leads, newest first. */
export async function listLeads(db: Db, params: { limit?: number } = {}): Promise<LeadRow[]> {
  return db
    .select()
    .from(leads)
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(params.limit ?? 200);
}
