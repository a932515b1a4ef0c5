import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** What an organisation API key may do. */
export const API_KEY_SCOPES = ["usage:write", "calls:authorize"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const TOKEN = /^qsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A new key: the token is shown once; only the SHA-256 of its secret is stored. */
export function generateApiKey(): { id: string; token: string; secretHash: string } {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, token: `qsk_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The key id and secret of a well-formed token, else null. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/** Whether `secret` is the one whose hash is stored (constant time). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m ? m[1]! : null;
}
