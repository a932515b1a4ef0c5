import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, referrerPolicy, securityHeaders } from "./headers";

describe("security headers", () => {
  it("makes a fresh, unguessable nonce each time", () => {
    // More than one pool of random bytes (256 nonces) is drawn: no nonce repeats across a refill.
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it.each([
    [
      { dev: false, https: false },
      ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      ["unsafe-eval", "upgrade-insecure-requests"],
    ],
    [{ dev: true, https: false }, ["'unsafe-eval'"], ["upgrade-insecure-requests"]],
    [{ dev: false, https: true }, ["upgrade-insecure-requests"], ["unsafe-eval"]],
  ])("CSP %o", (options, present, absent) => {
    const csp = contentSecurityPolicy("N0nce", options);
    expect(csp).toContain("script-src 'self' 'nonce-N0nce' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const p of present) expect(csp).toContain(p);
    for (const a of absent) expect(csp).not.toContain(a);
  });

  it.each([
    ["/q/abc", "no-referrer"],
    ["/q", "no-referrer"],
    ["/quotes", "strict-origin-when-cross-origin"],
    ["/buy", "strict-origin-when-cross-origin"],
    ["/pay/sandbox/x", "strict-origin-when-cross-origin"],
  ])("referrer policy of %s is %s", (path, policy) => expect(referrerPolicy(path)).toBe(policy));

  it("sets HSTS only over https, and always refuses framing and sniffing", () => {
    const http = securityHeaders({ pathname: "/buy", nonce: "n", dev: false, https: false });
    const https = securityHeaders({ pathname: "/buy", nonce: "n", dev: false, https: true });
    expect(http).not.toHaveProperty("Strict-Transport-Security");
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    for (const h of [http, https]) expect(h).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" });
  });
});
