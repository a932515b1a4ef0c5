// Isomorphic: only web streams. Every route handler that reads a body reads it through here.

/** Why a body was refused. */
export type BodyError = "TOO_LARGE";

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; error: BodyError };

/** Body limits of the route handlers, in bytes. */
export const BODY_LIMITS = {
  /** POST /api/v1/price: room for the most lines a cart may hold many times over, far from 50 MB. */
  priceApi: 1024 * 1024,
  /** Payment notifications: a few hundred bytes of signed JSON. */
  paymentNotify: 64 * 1024,
} as const;

/**
 * Reads a stream to its end, or stops as soon as more than `limit` bytes have arrived (cancelling
 * the rest): never holds more than `limit` bytes plus one chunk, never returns more than `limit`.
 */
export async function readStreamLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<BodyResult> {
  if (!stream) return { ok: true, bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, error: "TOO_LARGE" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * A request's body, at most `limit` bytes: a declared Content-Length over the limit is refused
 * before a byte is read; one within it is read in one go (the HTTP parser never delivers more body
 * than the length it declared; more would still be refused); without one (chunked) the body is
 * streamed and refused once it crosses the limit.
 */
export async function readBodyLimited(request: Request, limit: number): Promise<BodyResult> {
  const declared = request.headers.get("content-length")?.trim();
  if (declared !== undefined && /^\d+$/.test(declared)) {
    if (Number(declared) > limit) {
      await request.body?.cancel().catch(() => undefined);
      return { ok: false, error: "TOO_LARGE" };
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > limit ? { ok: false, error: "TOO_LARGE" } : { ok: true, bytes };
  }
  return readStreamLimited(request.body, limit);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The bytes as text, or undefined when they are not valid UTF-8 (an overlong form, a lone surrogate, a stray byte). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A request's body as UTF-8 text, at most `limit` bytes; `text: undefined` when it is not valid UTF-8. */
export async function readTextLimited(
  request: Request,
  limit: number,
): Promise<{ ok: true; text: string | undefined } | { ok: false; error: BodyError }> {
  const body = await readBodyLimited(request, limit);
  return body.ok ? { ok: true, text: decodeUtf8(body.bytes) } : body;
}
