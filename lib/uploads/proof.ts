// Isomorphic and pure: the upload route, the schema and the upload widget share these rules.

/** The file types a proof may be: what the bytes are, not what the browser claimed. */
export const PROOF_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type ProofContentType = (typeof PROOF_CONTENT_TYPES)[number];

/** Largest proof file accepted, in bytes (10 MB). */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;

/** What the file input offers to pick (the server checks the bytes whatever is picked). */
export const PROOF_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

export type ProofFileError = "NO_FILE" | "EMPTY" | "TOO_LARGE" | "UNSUPPORTED_TYPE";
/** Every error code POST /api/uploads/education-proof answers with (messages: Checkout.proofUpload.errors). */
export type ProofUploadErrorCode = ProofFileError | "UNAUTHENTICATED" | "CROSS_SITE" | "INVALID_FORM" | "TOO_MANY";

const SIGNATURES: { type: ProofContentType; magic: number[] }[] = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** The proof type the bytes start with, or undefined for anything else (a renamed .exe stays refused). */
export function sniffProofType(bytes: Uint8Array): ProofContentType | undefined {
  return SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b))?.type;
}

const EXTENSIONS: Record<ProofContentType, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg", ".jpe", ".jfif"],
};
const MAX_NAME = 255;

/**
 * A file name safe to store and show: no folders, no control characters, an extension that
 * matches the bytes (appended when it does not, so a download opens in the right program), at
 * most 255 characters with the extension kept; an empty name becomes "proof" plus the extension.
 */
export function cleanFileName(name: string, type: ProofContentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  const known = EXTENSIONS[type];
  if (!base || /^\.+$/.test(base)) return `proof${known[0]}`;
  const dot = base.lastIndexOf(".");
  const matches = dot > 0 && known.includes(base.slice(dot).toLowerCase());
  const ext = matches ? base.slice(dot) : known[0]!;
  const stem = Array.from(matches ? base.slice(0, dot) : base);
  return stem.slice(0, MAX_NAME - ext.length).join("") + ext;
}

/** Checks an uploaded proof: present, not empty, at most 10 MB, and a PDF, PNG or JPEG by its bytes. */
export function checkProofFile(
  file: { name: string; bytes: Uint8Array } | undefined,
): { ok: true; fileName: string; contentType: ProofContentType } | { ok: false; error: ProofFileError } {
  if (!file) return { ok: false, error: "NO_FILE" };
  if (file.bytes.length === 0) return { ok: false, error: "EMPTY" };
  if (file.bytes.length > MAX_PROOF_BYTES) return { ok: false, error: "TOO_LARGE" };
  const contentType = sniffProofType(file.bytes);
  if (!contentType) return { ok: false, error: "UNSUPPORTED_TYPE" };
  return { ok: true, fileName: cleanFileName(file.name, contentType), contentType };
}

/** A Content-Disposition header that downloads the file under its own (possibly Chinese) name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
