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
