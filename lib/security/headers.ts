// The security headers of every response (issue 11 item 8): a per-request nonce CSP, no framing,
// no sniffing, a referrer policy, HSTS over https and a permissions policy. Pure: proxy.ts sets them.
import { PERMISSIONS_POLICY, STATIC_SECURITY_HEADERS } from "./static-headers.mjs";

/** A fresh nonce: 16 random bytes, base64 (unpredictable, unique per request). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy for one response. Scripts only with this request's nonce (Next puts it
 * on its own scripts, read from the request's CSP header) and what they load ('strict-dynamic');
 * styles from the origin and inline (what React and Next emit); nothing may frame the store. `dev` adds 'unsafe-eval' (React's dev stacks); `https` upgrades subresources.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
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
}

/** A quote link's token is its key: never sent on as a Referer (/q/…); elsewhere the origin only, cross-origin. */
export function referrerPolicy(pathname: string): string {
  return pathname === "/q" || pathname.startsWith("/q/") ? "no-referrer" : "strict-origin-when-cross-origin";
}

export const HSTS = "max-age=63072000; includeSubDomains";
export { PERMISSIONS_POLICY };

/** Every security header for a response to `pathname` (the CSP carrying `nonce`); HSTS only over https. */
export function securityHeaders(params: { pathname: string; nonce: string; dev: boolean; https: boolean }) {
  return {
    "Content-Security-Policy": contentSecurityPolicy(params.nonce, params),
    ...STATIC_SECURITY_HEADERS,
    "Referrer-Policy": referrerPolicy(params.pathname),
    ...(params.https ? { "Strict-Transport-Security": HSTS } : {}),
  } satisfies Record<string, string>;
}
