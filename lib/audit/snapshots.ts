// What the audit log records as a subject's state: the stored row, without secrets (a quote
// version's link token hash is left out; passwords live in another table).
import type { Db } from "@/lib/db/client";
import { findPayment } from "@/lib/db/queries/payments";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { findUserByEmail, findUserById } from "@/lib/db/queries/users";
import { findVerification } from "@/lib/db/queries/verifications";
import { findVoucherByCode } from "@/lib/db/queries/vouchers";

export async function findQuoteWithVersionsForAudit(db: Db, quoteId: string) {
  const found = await getQuoteWithVersions(db, { quoteId });
  if (!found) return null;
  const current = found.versions.find((v) => v.version === found.quote.currentVersion);
  const version = current ? (({ tokenHash: _hidden, ...rest }) => rest)(current) : null;
  return { quote: found.quote, version };
}

export async function findVerificationForAudit(db: Db, id: string) {
  return (await findVerification(db, { id })) ?? null;
}

export async function findVoucherForAudit(db: Db, code: string) {
  return (await findVoucherByCode(db, { code })) ?? null;
}

export async function findUserForAudit(db: Db, by: { id: string } | { email: string }) {
  const row = "id" in by ? await findUserById(db, by) : await findUserByEmail(db, by);
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role, discountLimitPercent: row.discountLimitPercent } : null;
}

/** A payment by its audit subject `<provider>:<paymentRef>` (as auditSubjects.payment names it). */
export async function findPaymentForAudit(db: Db, subject: string) {
  const at = subject.indexOf(":");
  return (await findPayment(db, { provider: subject.slice(0, at), paymentRef: subject.slice(at + 1) })) ?? null;
}
