// Pure: lib/http/secure-requests.ts asks this before Next.js decodes a path into route params (which 500s on bad bytes).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a piece of a URL decodes (percent-encoding, UTF-8) to text without NUL, a lone surrogate or U+FFFD. */
export function isCleanComponent(raw: string, form = false): boolean {
  let text: string;
  try {
    text = decodeURIComponent(form ? raw.replace(/\+/g, " ") : raw);
  } catch {
    return false; // %FF, %C0%AF (overlong), %ED%A0%80 (an encoded surrogate), a stray "%"
  }
  // U+FFFD: Next.js re-encodes a query's invalid bytes (%FF) as the replacement character before a route sees them.
  return !text.includes("\u0000") && !text.includes("\uFFFD") && !LONE_SURROGATE.test(text);
}

const NEEDS_DECODING = /[%\u0000\uFFFD\uD800-\uDFFF]/;

/**
 * Whether a request target (path and query, as sent: still percent-encoded) is clean text: every
 * path segment and every query name and value decodes to valid UTF-8 with no NUL. Never throws.
 */
export function isCleanRequestTarget(target: string): boolean {
  // Nothing encoded and nothing to refuse as it stands: every piece decodes to itself (the common case, answered at once).
  if (!NEEDS_DECODING.test(target)) return true;
  const hash = target.indexOf("#");
  const withoutHash = hash < 0 ? target : target.slice(0, hash);
  const q = withoutHash.indexOf("?");
  const path = q < 0 ? withoutHash : withoutHash.slice(0, q);
  const query = q < 0 ? "" : withoutHash.slice(q + 1);
  if (!path.split("/").every((segment) => isCleanComponent(segment))) return false;
  return query.split("&").every((pair) => pair === "" || pair.split("=").every((part) => isCleanComponent(part, true)));
}
