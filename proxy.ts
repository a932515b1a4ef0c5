import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/auth/secure-cookies";
import { isCleanRequestTarget } from "@/lib/http/request-target";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { createNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Runs before routing (Next 16's proxy, formerly middleware), for every request without a body:
 * - a path or query that is not valid UTF-8 or holds NUL (`/q/%FF`, `?next=%00`) is a 400 here:
 *   left to Next.js, decoding it into route params answers 500;
 * - a fresh CSP nonce per request, handed to the render through the request's Content-Security-Policy
 *   header (Next puts it on the scripts it emits), and the security headers on the response.
 */
export function proxy(request: NextRequest): Response {
  const url = new URL(request.url);
  const nonce = createNonce();
  // https: the configured public origin is https (an https deployment), or this request came over TLS.
  const https = process.env.BETTER_AUTH_URL?.startsWith("https://") === true || isHttpsRequest(request);
  const headers = securityHeaders({ pathname: url.pathname, nonce, dev: process.env.NODE_ENV === "development", https });
  const response = isCleanRequestTarget(url.pathname + url.search) ? next(request, nonce, headers) : refuse(request, url);
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

function next(request: NextRequest, nonce: string, headers: ReturnType<typeof securityHeaders>): Response {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

function refuse(request: NextRequest, url: URL): Response {
  const message = messagesFor(requestLocale(request)).Inputs.badRequestTarget;
  if (url.pathname.startsWith("/api/"))
    return Response.json({ errors: [{ code: "BAD_REQUEST_TARGET", path: "", message }] }, { status: 400 });
  return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Requests without a body only. With a proxy in front of a route, Next.js tees the body and waits
 * for all of it to arrive before the route runs (buffering up to 10 MB): that would undo the
 * streamed limits of lib/http/read-body.ts (a 50 MB upload read whole before its 413). Those
 * requests get the request-independent security headers from lib/http/page-responses.ts instead.
 */
export const config = {
  matcher: [
    {
      source: "/((?!_next/image).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    // A request with a body whose path holds a percent escape: no route of the app has one, so buffering it costs
    // nothing real, and a bad one (`/q/%FF` with a form body) is refused here rather than answered 500 by Next's router.
    { source: "/:path(.*%.*)", has: [{ type: "header", key: "content-length" }] },
    { source: "/:path(.*%.*)", has: [{ type: "header", key: "transfer-encoding" }] },
  ],
};
