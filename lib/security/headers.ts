// The security headers of every response (issue 11 item 8): a per-request nonce CSP, no framing,
// no sniffing, a referrer policy, HSTS over https and a permissions policy. lib/http/secure-requests.ts
// sets them on every response.
import { randomFillSync } from "node:crypto";

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** The security headers that do not depend on the request. */
const STATIC_SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": PERMISSIONS_POLICY,
} as const;

const NONCE_BYTES = 16;
// Random bytes for 256 nonces at a time: one call into the system's CSPRNG instead of one per request
// (Node's own crypto.randomUUID() pools its entropy the same way). Each nonce's bytes are used once.
const pool = Buffer.alloc(NONCE_BYTES * 256);
let poolAt = pool.length;

/** A fresh nonce: 16 random bytes, base64 (unpredictable, unique per request). */
export function createNonce(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool.toString("base64", poolAt, (poolAt += NONCE_BYTES));
}

const NONCE = "\u0000nonce\u0000"; // where the nonce goes: a character no nonce or policy holds
const policies: Record<string, readonly [string, string]> = {};

/**
 * The Content-Security-Policy for one response. Scripts only with this request's nonce (Next puts it
 * on its own scripts, read from the request's CSP header) and what they load ('strict-dynamic');
 * styles from the origin and inline (what React and Next emit); nothing may frame the store. `dev` adds 'unsafe-eval' (React's dev stacks); `https` upgrades subresources.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const [before, after] = (policies[`${options.dev}/${options.https}`] ??= policyAround(options));
  return before + nonce + after;
}

/** The policy for `options`, split where the nonce goes: built once per combination, then only joined to each request's nonce. */
function policyAround(options: { dev: boolean; https: boolean }): readonly [string, string] {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React and Next insert inline styles (style elements and attributes) without a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'self'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const at = policy.indexOf(NONCE);
  return [policy.slice(0, at), policy.slice(at + NONCE.length)];
}

/** A quote link's token is its key: never sent on as a Referer (/q/…); elsewhere the origin only, cross-origin. */
export function referrerPolicy(pathname: string): string {
  return pathname === "/q" || pathname.startsWith("/q/") ? "no-referrer" : "strict-origin-when-cross-origin";
}

export const HSTS = "max-age=63072000; includeSubDomains";

/** Every security header for a response to `pathname` (the CSP carrying `nonce`); HSTS only over https. */
export function securityHeaders(params: { pathname: string; nonce: string; dev: boolean; https: boolean }) {
  return {
    "Content-Security-Policy": contentSecurityPolicy(params.nonce, params),
    ...STATIC_SECURITY_HEADERS,
    "Referrer-Policy": referrerPolicy(params.pathname),
    ...(params.https ? { "Strict-Transport-Security": HSTS } : {}),
  } satisfies Record<string, string>;
}
