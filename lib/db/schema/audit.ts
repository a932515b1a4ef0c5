import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The append-only audit log (issue 11 item 10): every operator and staff action (who, when, what,
 * the subject's state before and after) and every refused payment notification. Rows are only
 * ever inserted: the queries have no update or delete, and a trigger (migration) refuses both.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The user who acted; null for the system (a refused notification). */
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    /** What happened: the action's name (approve-quote) or an event (payment-notification-refused). */
    kind: text("kind").notNull(),
    /** What it happened to (a quote id, a voucher code, a payment reference), when it names one. */
    subject: text("subject"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_actor").on(t.actorEmail, t.at), index("audit_log_kind").on(t.kind, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
