import { createHmac, timingSafeEqual } from "node:crypto";

/** Header carrying the unix time (seconds) a notification was signed at. */
export const TIMESTAMP_HEADER = "x-sandbox-timestamp";
/** Header carrying the hex HMAC-SHA256 of `${timestamp}.${rawBody}`. */
export const SIGNATURE_HEADER = "x-sandbox-signature";
/** How far a notification's timestamp may be from now, either way. */
export const TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 over `${timestamp}.${rawBody}`. */
export function sign(p: { secret: string; timestamp: number; rawBody: string }): string {
  return createHmac("sha256", p.secret).update(`${p.timestamp}.${p.rawBody}`).digest("hex");
}

/** The headers a gateway sends with a notification signed at `now`. */
export function signedHeaders(p: { secret: string; rawBody: string; now: Date }): Record<string, string> {
  const timestamp = Math.floor(p.now.getTime() / 1000);
  return {
    "content-type": "application/json",
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: sign({ secret: p.secret, timestamp, rawBody: p.rawBody }),
  };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "BAD_SIGNATURE" | "STALE" | "MALFORMED" };

/**
 * Checks a notification's signature (constant-time) and that it was signed within
 * TOLERANCE_SECONDS of `now`. The signature is checked first, so a forged request learns nothing
 * about the clock.
 */
export function verifySignature(p: { secret: string; headers: Headers; rawBody: string; now: Date }): SignatureCheck {
  const timestampText = p.headers.get(TIMESTAMP_HEADER);
  const signature = p.headers.get(SIGNATURE_HEADER);
  if (!timestampText || !/^\d{1,12}$/.test(timestampText) || !signature || !/^[0-9a-fA-F]{64}$/.test(signature))
    return { ok: false, reason: "MALFORMED" };
  const timestamp = Number(timestampText);
  const expected = Buffer.from(sign({ secret: p.secret, timestamp, rawBody: p.rawBody }), "hex");
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return { ok: false, reason: "BAD_SIGNATURE" };
  if (Math.abs(p.now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS) return { ok: false, reason: "STALE" };
  return { ok: true };
}
