import { describe, expect, it } from "vitest";
import { sign, SIGNATURE_HEADER, signedHeaders, TIMESTAMP_HEADER, verifySignature } from "./signature";

const secret = "s".repeat(40);
const now = new Date("2026-11-22T06:00:00Z");
const seconds = Math.floor(now.getTime() / 1000);
const rawBody = JSON.stringify({ notificationId: "n1", paymentRef: "sbp_1", status: "succeeded", amount: "52488.00" });
const headersAt = (at: number, over: Record<string, string | undefined> = {}, body = rawBody, key = secret) => {
  const h = new Headers({ [TIMESTAMP_HEADER]: String(at), [SIGNATURE_HEADER]: sign({ secret: key, timestamp: at, rawBody: body }) });
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) h.delete(k);
    else h.set(k, v);
  }
  return h;
};

describe("sandbox notification signature", () => {
  it.each([
    ["a good signature", headersAt(seconds), rawBody, { ok: true }],
    ["signed 300 s ago", headersAt(seconds - 300), rawBody, { ok: true }],
    ["signed 300 s ahead", headersAt(seconds + 300), rawBody, { ok: true }],
    ["a wrong secret", headersAt(seconds, {}, rawBody, "x".repeat(40)), rawBody, { ok: false, reason: "BAD_SIGNATURE" }],
    ["a tampered body", headersAt(seconds), rawBody.replace("52488.00", "1.00"), { ok: false, reason: "BAD_SIGNATURE" }],
    [
      "a re-dated timestamp",
      headersAt(seconds, { [TIMESTAMP_HEADER]: String(seconds + 1) }),
      rawBody,
      { ok: false, reason: "BAD_SIGNATURE" },
    ],
    ["signed 301 s ago (stale)", headersAt(seconds - 301), rawBody, { ok: false, reason: "STALE" }],
    ["signed 301 s in the future", headersAt(seconds + 301), rawBody, { ok: false, reason: "STALE" }],
    ["no signature", headersAt(seconds, { [SIGNATURE_HEADER]: undefined }), rawBody, { ok: false, reason: "MALFORMED" }],
    ["no timestamp", headersAt(seconds, { [TIMESTAMP_HEADER]: undefined }), rawBody, { ok: false, reason: "MALFORMED" }],
    ["a non-numeric timestamp", headersAt(seconds, { [TIMESTAMP_HEADER]: "yesterday" }), rawBody, { ok: false, reason: "MALFORMED" }],
    ["a short signature", headersAt(seconds, { [SIGNATURE_HEADER]: "abc123" }), rawBody, { ok: false, reason: "MALFORMED" }],
    ["a non-hex signature", headersAt(seconds, { [SIGNATURE_HEADER]: "z".repeat(64) }), rawBody, { ok: false, reason: "MALFORMED" }],
  ] as const)("%s", (_name, headers, body, expected) => {
    expect(verifySignature({ secret, headers, rawBody: body, now })).toEqual(expected);
  });

  it("signedHeaders produces headers that verify, over `${timestamp}.${rawBody}`", () => {
    const headers = new Headers(signedHeaders({ secret, rawBody, now }));
    expect(headers.get(TIMESTAMP_HEADER)).toBe(String(seconds));
    expect(verifySignature({ secret, headers, rawBody, now })).toEqual({ ok: true });
    // Known vector (openssl dgst -sha256 -hmac k over "1.{}").
    expect(sign({ secret: "k", timestamp: 1, rawBody: "{}" })).toBe("3dd49b2593d0f9a349e9e71c4bde3e2b862c2be4003fe9b4ba81332029310158");
  });
});
