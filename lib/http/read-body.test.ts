import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, readBodyLimited, readStreamLimited } from "./read-body";

/** A stream of these chunks that records how many were pulled, and whether it was cancelled. */
function chunked(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[seen.pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const kb = (n: number) => new Uint8Array(n * 1024).fill(0x61);

describe("readBodyLimited", () => {
  it.each([
    ["an empty body", [], 10, { ok: true, size: 0 }],
    ["exactly the limit", [kb(1)], 1024, { ok: true, size: 1024 }],
    ["the limit in many chunks", [kb(1), kb(1), kb(1)], 3 * 1024, { ok: true, size: 3 * 1024 }],
    ["one byte over", [kb(1), Uint8Array.of(1)], 1024, { ok: false }],
    ["a single chunk over", [kb(2)], 1024, { ok: false }],
  ] as const)("%s", async (_, chunks, limit, expected) => {
    const { stream } = chunked([...chunks]);
    const result = await readStreamLimited(stream, limit);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && "size" in expected) expect(result.bytes.length).toBe(expected.size);
  });

  it("stops at the first chunk past the limit and cancels the rest (no Content-Length: still refused early)", async () => {
    // 50 MB announced by nobody: 50 chunks of 1 MB against a 1 MB limit.
    const chunks = Array.from({ length: 50 }, () => new Uint8Array(1024 * 1024));
    const { stream, seen } = chunked(chunks);
    const request = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readBodyLimited(request, 1024 * 1024)).toEqual({ ok: false, error: "TOO_LARGE" });
    expect(seen.pulled).toBeLessThanOrEqual(3);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, seen } = chunked([kb(1)]);
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      headers: { "content-length": String(50 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    expect(await readBodyLimited(request, 1024)).toEqual({ ok: false, error: "TOO_LARGE" });
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it.each([
    ["within its declared length", 1024, [kb(1)], { ok: true, size: 1024 }],
    ["past what it declared (never over HTTP; in-process it is still refused)", 10, [kb(2)], { ok: false }],
  ] as const)("reads a declared Content-Length within the limit in one go: a body %s", async (_, declared, chunks, expected) => {
    const { stream } = chunked([...chunks]);
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      headers: { "content-length": String(declared) },
      duplex: "half",
    } as RequestInit);
    const result = await readBodyLimited(request, 1024);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && "size" in expected) expect(result.bytes.length).toBe(expected.size);
  });

  it("property: never returns more than the limit, and returns every byte when they fit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), fc.nat(3000), async (chunks, limit) => {
        const { stream } = chunked(chunks.map((c) => Uint8Array.from(c)));
        const result = await readStreamLimited(stream, limit);
        const total = chunks.reduce((n, c) => n + c.length, 0);
        expect(result.ok).toBe(total <= limit);
        if (result.ok) {
          expect(result.bytes.length).toBeLessThanOrEqual(limit);
          expect(Array.from(result.bytes)).toEqual(chunks.flatMap((c) => Array.from(c)));
        }
      }),
    );
  });
});

describe("decodeUtf8", () => {
  it.each([
    ["ASCII", [0x7b, 0x7d], "{}"],
    ["Chinese", Array.from(Buffer.from("席位")), "席位"],
    ["a stray 0xFF", [0x22, 0xff, 0x22], undefined],
    ["an overlong slash (C0 AF)", [0xc0, 0xaf], undefined],
    ["an encoded lone surrogate (ED A0 80)", [0xed, 0xa0, 0x80], undefined],
    ["a truncated sequence", [0xe5, 0xb8], undefined],
  ] as const)("%s", (_, bytes, expected) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toBe(expected);
  });
});
