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

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/**
 * Where `needle` first occurs in `bytes` at or after `from` (−1 if nowhere); `fold` matches the
 * ASCII letters after the first byte in any case (the needle is lower-case). Skips ahead with indexOf.
 */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0, fold = false): number {
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(needle[0]!, from); i >= 0 && i <= last; i = bytes.indexOf(needle[0]!, i + 1)) {
    let j = 1;
    for (; j < needle.length; j++) {
      const b = bytes[i + j]!;
      if ((fold && b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== needle[j]) break;
    }
    if (j === needle.length) return i;
  }
  return -1;
}

// Lower-case markers of a page or a script hidden in a file (HTML is sniffed by browsers whatever the extension).
const MARKUP = ["<!doctype html", "<html", "<script", "<iframe", "<svg"].map(ascii);
// PDF features that run or carry other programs: a proof of enrolment needs none of them.
const PDF_ACTIVE = ["/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia"].map(ascii);
const ELF = ascii("\x7fELF");
const MZ = ascii("MZ");
const PE = ascii("PE\0\0");

/** Whether the bytes hold an executable: an ELF header, or a DOS stub whose e_lfanew points at a PE header. */
export function holdsExecutable(bytes: Uint8Array): boolean {
  for (let i = indexOfBytes(bytes, ELF); i >= 0; i = indexOfBytes(bytes, ELF, i + 1)) {
    const [cls, data, version] = [bytes[i + 4], bytes[i + 5], bytes[i + 6]];
    if ((cls === 1 || cls === 2) && (data === 1 || data === 2) && version === 1) return true;
  }
  for (let i = indexOfBytes(bytes, MZ); i >= 0; i = indexOfBytes(bytes, MZ, i + 1)) {
    if (i + 0x40 > bytes.length) break;
    const lfanew = bytes[i + 0x3c]! | (bytes[i + 0x3d]! << 8) | (bytes[i + 0x3e]! << 16) | (bytes[i + 0x3f]! << 24);
    const at = i + lfanew;
    if (lfanew >= 0x40 && at + 4 <= bytes.length && PE.every((b, k) => bytes[at + k] === b)) return true;
  }
  return false;
}

/** Whether the bytes hold HTML or script markup anywhere (a page that starts with "%PDF-" still renders as a page). */
export function holdsMarkup(bytes: Uint8Array): boolean {
  return MARKUP.some((marker) => indexOfBytes(bytes, marker, 0, true) >= 0);
}

const TAIL = 1024;
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join("");

/**
 * A PDF's skeleton: "%%EOF" in its last kilobyte, a "startxref" offset before it that points
 * inside the file at a cross-reference table ("xref") or stream ("n g obj"), no active content.
 */
export function isWellFormedPdf(bytes: Uint8Array): boolean {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - TAIL)));
  const match = /startxref\s+(\d{1,10})\s+%%EOF[\s\0]*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  if (offset < 5 || offset >= bytes.length - match[0].length) return false;
  const at = latin1(bytes.subarray(offset, offset + 32));
  if (!/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) return false;
  return !PDF_ACTIVE.some((marker) => indexOfBytes(bytes, marker) >= 0);
}

/** A PNG's chunks from IHDR to IEND, each of a valid type and length, with nothing after IEND. */
export function isWellFormedPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = latin1(bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type) || length > bytes.length - at - 12) return false;
    if (first && (type !== "IHDR" || length !== 13)) return false;
    first = false;
    at += 12 + length;
    if (type === "IEND") return length === 0 && at === bytes.length;
  }
  return false;
}

/** A JPEG's marker segments from SOI to the start of scan, and EOI as its last marker (zero padding after it allowed). */
export function isWellFormedJpeg(bytes: Uint8Array): boolean {
  let at = 2;
  let frame = false;
  for (;;) {
    if (bytes[at] !== 0xff) return false;
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at++];
    if (marker === undefined || marker === 0xd9 || marker === 0xd8 || marker === 0x00) return false;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > bytes.length) return false;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    at += length;
    if (marker === 0xda) break;
  }
  let end = bytes.length;
  while (end > at && bytes[end - 1] === 0x00) end--;
  return frame && end - at >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

const STRUCTURE: Record<ProofContentType, (bytes: Uint8Array) => boolean> = {
  "application/pdf": isWellFormedPdf,
  "image/png": isWellFormedPng,
  "image/jpeg": isWellFormedJpeg,
};

/**
 * What the whole file is: the type its first bytes claim, only if its structure is that type's
 * from start to end and it hides no page, script or program (a "%PDF-" that is really an .exe is none).
 */
export function proofTypeOf(bytes: Uint8Array): ProofContentType | undefined {
  const type = sniffProofType(bytes);
  if (!type || !STRUCTURE[type](bytes) || holdsMarkup(bytes) || holdsExecutable(bytes)) return undefined;
  return type;
}

const EXTENSIONS: Record<ProofContentType, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg", ".jpe", ".jfif"],
};
const MAX_NAME = 255;
// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the marks (U+200E, U+200F, U+061C):
// "photo\u202Egnp.exe" shows as "photoexe.png". C0 and C1 controls go too.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to store and show: no folders, no control or bidi characters, an extension that
 * matches the bytes (appended when it does not, so a download opens in the right program), at
 * most 255 characters with the extension kept; an empty name becomes "proof" plus the extension.
 */
export function cleanFileName(name: string, type: ProofContentType): string {
  const base = (name.replace(INVISIBLE, "").split(/[\\/]/).pop() ?? "").normalize("NFC").trim();
  const known = EXTENSIONS[type];
  if (!base || /^\.+$/.test(base)) return `proof${known[0]}`;
  const dot = base.lastIndexOf(".");
  const matches = dot > 0 && known.includes(base.slice(dot).toLowerCase());
  const ext = matches ? base.slice(dot) : known[0]!;
  const stem = Array.from(matches ? base.slice(0, dot) : base);
  return stem.slice(0, MAX_NAME - ext.length).join("") + ext;
}

/** Checks an uploaded proof: present, not empty, at most 10 MB, and a whole, well-formed PDF, PNG or JPEG by its bytes. */
export function checkProofFile(
  file: { name: string; bytes: Uint8Array } | undefined,
): { ok: true; fileName: string; contentType: ProofContentType } | { ok: false; error: ProofFileError } {
  if (!file) return { ok: false, error: "NO_FILE" };
  if (file.bytes.length === 0) return { ok: false, error: "EMPTY" };
  if (file.bytes.length > MAX_PROOF_BYTES) return { ok: false, error: "TOO_LARGE" };
  const contentType = proofTypeOf(file.bytes);
  if (!contentType) return { ok: false, error: "UNSUPPORTED_TYPE" };
  return { ok: true, fileName: cleanFileName(file.name, contentType), contentType };
}

/** A Content-Disposition header that downloads the file under its own (possibly Chinese) name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
