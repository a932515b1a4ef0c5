// Statements on the audit log: insert and read only. The log is append-only (a trigger refuses
// UPDATE, DELETE and TRUNCATE); there is deliberately no update or delete here.
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, type AuditRow, type NewAuditRow } from "../schema";

/** Appends one entry. */
export async function insertAuditEntry(db: Db, values: Omit<NewAuditRow, "id">): Promise<void> {
  await db.insert(auditLog).values(values);
}

export type AuditFilter = { actor?: string; kind?: string };

/**
 * One page of entries, newest first, matching the filter (exact actor email, exact kind). One more
 * than `limit` is read so the caller knows whether a next page exists.
 */
export async function listAuditEntries(db: Db, params: AuditFilter & { limit: number; offset: number }): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (params.actor) where.push(eq(auditLog.actorEmail, params.actor));
  if (params.kind) where.push(eq(auditLog.kind, params.kind));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit + 1)
    .offset(params.offset);
}

/** The actors (emails) and kinds recorded so far, for the page's filters. */
export async function listAuditFacets(db: Db): Promise<{ actors: string[]; kinds: string[] }> {
  const actors = await db.selectDistinct({ v: auditLog.actorEmail }).from(auditLog).orderBy(auditLog.actorEmail);
  const kinds = await db.selectDistinct({ v: auditLog.kind }).from(auditLog).orderBy(auditLog.kind);
  return { actors: actors.flatMap((r) => (r.v ? [r.v] : [])), kinds: kinds.map((r) => r.v) };
}
