import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/auth/secure-cookies";
import { createNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every request (Next 16's proxy, formerly middleware): a fresh CSP nonce per request,
 * handed to the render through the request's Content-Security-Policy header (Next puts it on the
 * scripts it emits), and the security headers on the response — pages, API routes and static files.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  // https: the configured public origin is https (an https deployment), or this request came over TLS.
  const https = process.env.BETTER_AUTH_URL?.startsWith("https://") === true || isHttpsRequest(request);
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}
