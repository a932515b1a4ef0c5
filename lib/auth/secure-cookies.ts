// The session cookie is Secure whenever the browser reached the store over https. A configured
// https:// BETTER_AUTH_URL already makes better-auth set Secure; without BETTER_AUTH_URL the origin is
// each request's own, which is https when a TLS proxy in front says so (X-Forwarded-Proto, Forwarded)
// or the request URL is https. Trusting that header is safe here: it can only make a cookie stricter.

const SECURE = /;\s*secure\s*(?:;|$)/i;

/** Whether the browser used https for this request. */
export function isHttpsRequest(request: Request): boolean {
  return isHttps(new URL(request.url).protocol === "https:", (name) => request.headers.get(name));
}

/**
 * The same for any request shape: `tls` whether it reached this server over TLS, `header` its header
 * by (lower-case) name. (lib/http/secure-requests.ts asks it of Node's own request object.)
 */
export function isHttps(tls: boolean, header: (name: "x-forwarded-proto" | "forwarded") => string | null | undefined): boolean {
  if (tls) return true;
  const forwardedProto = header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwardedProto) return forwardedProto === "https";
  const forwarded = header("forwarded")?.split(",")[0];
  return /(?:^|;)\s*proto="?https"?\s*(?:;|$)/i.test(forwarded ?? "");
}

/** The response with `Secure` on every Set-Cookie that lacks it, when the request came over https; else unchanged. */
export function withSecureCookies(request: Request, response: Response): Response {
  if (!isHttpsRequest(request)) return response;
  const cookies = response.headers.getSetCookie();
  if (cookies.every((c) => SECURE.test(c))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", SECURE.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
