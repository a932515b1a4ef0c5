import { requestOrigins } from "@/lib/auth/request";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countProofUploadsSince, createProofUpload } from "@/lib/db/queries/proof-uploads";
import { messagesFor } from "@/lib/i18n/messages";
import { limitRequest } from "@/lib/limits/http";
import { requestLocale } from "@/lib/i18n/request-locale";
import { readBodyLimited } from "@/lib/http/read-body";
import { checkProofFile, MAX_PROOF_BYTES, type ProofUploadErrorCode } from "@/lib/uploads/proof";

const STATUS: Record<ProofUploadErrorCode, number> = {
  UNAUTHENTICATED: 401,
  CROSS_SITE: 403,
  INVALID_FORM: 400,
  NO_FILE: 400,
  EMPTY: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  TOO_MANY: 429,
};
/** Uploads one account may make per hour: proofs are stored in the database. */
const HOURLY_LIMIT = 30;
/** Room for the multipart boundaries and headers around the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * POST multipart/form-data with the proof in field "file" (signed-in users): 201 `{ id, fileName,
 * size }`; otherwise `{ errors: [{ code, path, message }] }` in the buyer's language. The type is
 * taken from the whole file's structure (PDF, PNG or JPEG), never from the browser's claim.
 */
export async function POST(request: Request): Promise<Response> {
  const limited = await limitRequest(request, "upload");
  if (limited) return limited;
  const messages = messagesFor(requestLocale(request)).Checkout.proofUpload.errors;
  const fail = (code: ProofUploadErrorCode) =>
    Response.json({ errors: [{ code, path: "file", message: messages[code] }] }, { status: STATUS[code] });
  // The session cookie is SameSite=Lax, so a cross-site form cannot upload as the buyer; refuse one plainly anyway.
  const origin = request.headers.get("origin");
  if (origin && !requestOrigins(request).includes(origin)) return fail("CROSS_SITE");
  const user = await getCurrentUser();
  if (!user) return fail("UNAUTHENTICATED");
  // Streamed with the limit: a body without Content-Length is refused as soon as it crosses it, never read whole first.
  const body = await readBodyLimited(request, MAX_PROOF_BYTES + FORM_OVERHEAD);
  if (!body.ok) return fail("TOO_LARGE");
  let form: FormData;
  try {
    const headers = { "content-type": request.headers.get("content-type") ?? "" };
    form = await new Response(body.bytes as Uint8Array<ArrayBuffer>, { headers }).formData();
  } catch {
    return fail("INVALID_FORM");
  }
  const entry = form.get("file");
  const file = entry instanceof File ? { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) } : undefined;
  const checked = checkProofFile(file);
  if (!checked.ok || !file) return fail(checked.ok ? "NO_FILE" : checked.error);
  const db = await getDb();
  if ((await countProofUploadsSince(db, { userId: user.id, since: new Date(Date.now() - 3_600_000) })) >= HOURLY_LIMIT)
    return fail("TOO_MANY");
  const stored = await createProofUpload(db, {
    userId: user.id,
    fileName: checked.fileName,
    contentType: checked.contentType,
    bytes: file.bytes,
  });
  return Response.json({ id: stored.id, fileName: stored.fileName, size: stored.size }, { status: 201 });
}
