// Quote links carry a bearer token; the database keeps only its SHA-256, so a leaked table
// (or backup) cannot be turned back into working links.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Random bytes per token: 256 bits, far beyond guessing. */
const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url are exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** A new link token (what goes in `/q/<token>`, shown once) and the hash to store. */
export function issueToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** The stored form of a token: its SHA-256 as lowercase hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string can be a token at all; checked before any database lookup. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

/** Whether a token matches a stored hash, compared in constant time. */
export function tokenMatchesHash(token: string, hash: string): boolean {
  if (!isWellFormedToken(token) || !HASH_PATTERN.test(hash)) return false;
  return timingSafeEqual(Buffer.from(hashToken(token), "hex"), Buffer.from(hash, "hex"));
}
