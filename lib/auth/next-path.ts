// Isomorphic: the sign-in forms and the server guards share these.
import { isCleanRequestTarget } from "@/lib/http/request-target";

/**
 * `value` if it is a same-site path ("/…", not "//…" or "/\…", no control characters, no lone
 * surrogate or bad percent-encoding such as "%FF" that would 400 or throw on the way), else "/".
 * Guards the post-sign-in redirect against being turned into an open redirect.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  if (!isCleanRequestTarget(value)) return "/";
  return value;
}

/** `path` with `?next=` carrying `next` exactly (encoded), or bare when next is "/". */
export function withNext(path: string, next: string): string {
  const safe = safeNextPath(next);
  return safe === "/" ? path : `${path}?next=${encodeURIComponent(safe)}`;
}

/** The sign-in page that returns to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return withNext("/sign-in", returnTo);
}
