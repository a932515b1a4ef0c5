import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file outside the app's path aliases.
import { MAX_PROOF_BYTES, PROOF_CONTENT_TYPES, type ProofContentType } from "../../uploads/proof";
import { orders } from "./orders";

/**
 * Raw bytes. node-postgres hands back a Buffer and PGlite a Uint8Array; both become a Buffer, and
 * both drivers take a Uint8Array (a Buffer is one) as a bytea parameter.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A proof of status uploaded by a buyer for an education order; kept in the database so both backends need nothing else. */
export const proofUploads = pgTable(
  "proof_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The uploading account; like orders.user_id, no foreign key (accounts live in better-auth's tables). */
    userId: text("user_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").$type<ProofContentType>().notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("proof_uploads_user").on(t.userId, t.createdAt),
    check("proof_uploads_size", sql`${t.size} between 1 and ${sql.raw(String(MAX_PROOF_BYTES))}`),
    check("proof_uploads_content_type", sql`${t.contentType} in (${list(PROOF_CONTENT_TYPES)})`),
  ],
);

export const VERIFICATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** An operator's review of an education order's institution (PRODUCT.md §2.1): the order is payable only once approved. */
export const educationVerifications = pgTable(
  "education_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: text("order_id")
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    institutionName: text("institution_name").notNull(),
    institutionType: text("institution_type").notNull(),
    proofUploadId: uuid("proof_upload_id")
      .notNull()
      .references(() => proofUploads.id),
    status: text("status").$type<VerificationStatus>().notNull().default("pending"),
    /** Why it was rejected, shown to the buyer; null unless rejected. */
    reason: text("reason"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("education_verifications_status").on(t.status, t.createdAt),
    check("education_verifications_status_known", sql`${t.status} in (${list(VERIFICATION_STATUSES)})`),
    // A decision always says who and when; only a rejection carries a reason.
    check(
      "education_verifications_decision",
      sql`(${t.status} = 'pending' and ${t.decidedBy} is null and ${t.decidedAt} is null and ${t.reason} is null)
        or (${t.status} = 'approved' and ${t.decidedBy} is not null and ${t.decidedAt} is not null and ${t.reason} is null)
        or (${t.status} = 'rejected' and ${t.decidedBy} is not null and ${t.decidedAt} is not null and ${t.reason} is not null)`,
    ),
  ],
);

export type ProofUploadRow = typeof proofUploads.$inferSelect;
export type EducationVerificationRow = typeof educationVerifications.$inferSelect;
