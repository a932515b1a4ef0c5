// What better-auth needs to know about a request that it cannot see by itself behind `next start`.

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origins the browser may have used to reach this server: http and https on the Host (and
 * X-Forwarded-Host) it sent. Next hands route handlers a request URL on its own hostname
 * ("localhost"), so without this a browser on 127.0.0.1 or a LAN address fails the origin check.
 * A cross-site page cannot choose these headers, so the CSRF check keeps its force.
 */
export function requestOrigins(request: Request | undefined): string[] {
  if (!request) return [];
  const hosts = [request.headers.get("host"), ...(request.headers.get("x-forwarded-host")?.split(",") ?? [])]
    .map((h) => h?.trim() ?? "")
    .filter((h) => HOST.test(h));
  return [...new Set(hosts)].flatMap((h) => [`http://${h}`, `https://${h}`]);
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;

/** Whether the request comes from this machine (Next sets X-Forwarded-For to the socket's address). */
export function isLoopbackRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",") ?? [];
  return forwarded.length === 1 && LOOPBACK.test(forwarded[0]!.trim());
}
