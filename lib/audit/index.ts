// The audit log (issue 11 item 10): what every operator and staff action changed, and every
// refused payment notification. Written through `audited` in lib/actions/client.ts (actions) and
// `auditEvent` (events outside an action); the statements are in lib/db/queries/audit.ts.
import type { Db } from "@/lib/db/client";
import { insertAuditEntry } from "@/lib/db/queries/audit";
import {
  findPaymentForAudit,
  findQuoteWithVersionsForAudit,
  findUserForAudit,
  findVerificationForAudit,
  findVoucherForAudit,
} from "./snapshots";

export type AuditActor = { id: string; email: string; role: string };

/** A value as it is stored: plain JSON (dates as ISO strings, undefined dropped), null for nothing. */
export function toAuditJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Appends one entry; `actor` absent for the system. */
export async function recordAudit(
  db: Db,
  entry: { now: Date; actor?: AuditActor; kind: string; subject?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await insertAuditEntry(db, {
    at: entry.now,
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    actorRole: entry.actor?.role ?? null,
    kind: entry.kind,
    subject: entry.subject ?? null,
    before: toAuditJson(entry.before),
    after: toAuditJson(entry.after),
  });
}

/** A refused payment notification (bad signature, stale, malformed): what was refused and why, never the secret. */
export async function auditRefusedNotification(
  db: Db,
  p: { now: Date; provider: string; reason: string; headers: Headers; rawBody: string },
): Promise<void> {
  await recordAudit(db, {
    now: p.now,
    kind: "payment-notification-refused",
    subject: p.provider,
    after: { reason: p.reason, bytes: p.rawBody.length, body: p.rawBody.slice(0, 2000), userAgent: p.headers.get("user-agent") },
  });
}

/**
 * How an audited action names its subject and reads the subject's state. `subject(input)` before
 * the action (undefined: a new thing, nothing before), `subject(input, data)` after it.
 */
export interface AuditSubject<I, D = unknown> {
  subject: (input: I, data?: D) => string | undefined;
  load: (db: Db, subject: string) => Promise<unknown>;
}

/** The subjects staff actions change, each read the same way before and after. */
export const auditSubjects = {
  quote: {
    subject: (input: { quoteId?: string }, data?: unknown) => input.quoteId ?? idFrom(data, "quoteId"),
    load: findQuoteWithVersionsForAudit,
  },
  verification: { subject: (input: { verificationId: string }) => input.verificationId, load: findVerificationForAudit },
  voucher: { subject: (input: { code?: string }, data?: unknown) => input.code ?? idFrom(data, "code"), load: findVoucherForAudit },
  staffByEmail: { subject: (input: { email: string }) => input.email, load: (db: Db, email: string) => findUserForAudit(db, { email }) },
  staffById: { subject: (input: { id: string }) => input.id, load: (db: Db, id: string) => findUserForAudit(db, { id }) },
  payment: {
    subject: (input: { provider: string; paymentRef: string }) => `${input.provider}:${input.paymentRef}`,
    load: findPaymentForAudit,
  },
} satisfies Record<string, AuditSubject<never>>;

function idFrom(data: unknown, key: string): string | undefined {
  const value = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The kinds the log records (each has a label in messages/audit); an unknown kind is shown as stored. */
export const AUDIT_KINDS = [
  "approve-quote",
  "reject-quote",
  "revoke-quote",
  "issue-quote",
  "approve-verification",
  "reject-verification",
  "create-voucher",
  "create-sales-account",
  "set-discount-limit",
  "payment-notification-refused",
  "refund-payment",
  "payment-not-applied",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const isAuditKind = (kind: string): kind is AuditKind => (AUDIT_KINDS as readonly string[]).includes(kind);

/** The page the audit list shows: a whole number ≥ 1 from `?page=`, else 1. */
export function auditPage(value: string | undefined): number {
  const n = /^[1-9][0-9]{0,5}$/.test(value ?? "") ? Number(value) : 1;
  return n;
}
