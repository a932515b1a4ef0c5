import { desc } from "drizzle-orm";
import type { Db } from "../client";
import { smsOutbox, type SmsOutboxRow } from "../schema";

/** Records a text the sandbox SMS provider sent. */
export async function insertOutboxMessage(db: Db, row: SmsOutboxRow): Promise<void> {
  await db.insert(smsOutbox).values(row);
}

/** The latest texts in the sandbox outbox, newest first. */
export async function listOutbox(db: Db, params: { limit: number }): Promise<SmsOutboxRow[]> {
  return db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(params.limit);
}
