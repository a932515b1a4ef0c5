import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { isHttps } from "@/lib/auth/secure-cookies";
import { localeFromHeaders } from "@/lib/i18n/request-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { isCleanRequestTarget } from "./request-target";
import { onEveryRequest } from "./server-hook";

/** Every request of the server goes through `secureRequest` first. Called once as the server starts (instrumentation.ts). */
export function secureRequests(): void {
  onEveryRequest("secure", secureRequest);
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * One request, before Next.js sees it (the job of a Next.js proxy, done here: with a proxy in front of
 * a route Next.js reads a request's whole body before the route runs, undoing the streamed limits of
 * lib/http/read-body.ts, so a proxy had to skip every request with a body):
 * - a path or query that is not valid UTF-8 or holds NUL (`/q/%FF`, `?next=%00`) is answered 400
 *   here (left to Next.js, decoding it into route params answers 500): `true`, answered;
 * - else a fresh CSP nonce, handed to the render through the request's Content-Security-Policy
 *   header (Next.js puts it on the scripts it emits), and every security header on the response.
 * The image optimiser's responses (`/_next/image`) keep their own headers.
 */
export function secureRequest(request: IncomingMessage, response: ServerResponse): boolean {
  const target = request.url ?? "/";
  const pathname = pathOf(target);
  if (pathname.startsWith("/_next/image")) return false;
  // https: the configured public origin is https (an https deployment), or this request came over TLS.
  const https =
    process.env.BETTER_AUTH_URL?.startsWith("https://") === true ||
    isHttps((request.socket as TLSSocket | undefined)?.encrypted === true, (name) => header(request, name));
  const headers = securityHeaders({ pathname, nonce: createNonce(), dev: process.env.NODE_ENV === "development", https });
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (!isCleanRequestTarget(target)) {
    refuse(request, response, pathname);
    return true;
  }
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  return false;
}

/**
 * The path Next.js routes `target` to: as sent when it holds nothing to resolve (no dot segment,
 * percent escape or backslash, the common case); else as the URL parser resolves it (`/x/../q/a` is `/q/a`).
 */
function pathOf(target: string): string {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  return path.startsWith("/") && !/\/\.|[%\\]/.test(path) ? path : new URL(target, "http://localhost").pathname;
}

/** 400 in the requester's language: JSON like every API error under /api/, else plain text. (Node drains the unread body.) */
function refuse(request: IncomingMessage, response: ServerResponse, pathname: string): void {
  const message = messagesFor(localeFromHeaders(header(request, "cookie"), header(request, "accept-language"))).Inputs.badRequestTarget;
  const api = pathname.startsWith("/api/");
  const body = api ? JSON.stringify({ errors: [{ code: "BAD_REQUEST_TARGET", path: "", message }] }) : message;
  response.writeHead(400, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
