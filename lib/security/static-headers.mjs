// The security headers that do not depend on the request. proxy.ts sets them with the per-request CSP on
// every request without a body; lib/http/page-responses.ts sets them on requests with one (the proxy skips
// those so the streamed body limits hold: see proxy.ts).

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** @type {Readonly<Record<string, string>>} */
export const STATIC_SECURITY_HEADERS = Object.freeze({
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": PERMISSIONS_POLICY,
});

/** For responses to requests with a body (form posts, API calls): no framing, no sniffing, no referrer beyond the origin. */
export const BODY_REQUEST_HEADERS = Object.freeze({
  ...STATIC_SECURITY_HEADERS,
  "Content-Security-Policy": "frame-ancestors 'none'",
  "Referrer-Policy": "strict-origin-when-cross-origin",
});
