import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import compression from "compression";
import onHeaders from "on-headers";
import { BODY_REQUEST_HEADERS } from "@/lib/security/static-headers.mjs";
import { ScriptHolder } from "./hold-scripts";
import { onEveryRequest } from "./server-hook";

/**
 * Every response of the server: compressed, and an HTML one with its framework scripts held until
 * the first paint (lib/http/hold-scripts.ts). The rewrite has to see the HTML before it is
 * compressed, so the compression Next.js would do is off (next.config.js, `compress: false`) and
 * done here instead, by the same middleware Next.js uses (expressjs/compression, its defaults),
 * underneath the rewrite. Called once as the server starts (instrumentation.ts).
 */
export function serveResponses(): void {
  onEveryRequest("responses", prepareResponse);
}

const compress = compression();
const BODY_HEADERS = Object.entries(BODY_REQUEST_HEADERS);

/**
 * One response: a request with a body gets the request-independent security headers (proxy.ts,
 * which sets them with the per-request CSP, skips such requests), then compression underneath, the
 * HTML rewrite on top, as Next.js writes it. (Set here rather than by `headers()` rules in
 * next.config.js, whose `has` conditions Next.js's router evaluated on every request.)
 */
export function prepareResponse(request: IncomingMessage, response: ServerResponse): void {
  const { headers } = request;
  if (headers["content-length"] !== undefined || headers["transfer-encoding"] !== undefined)
    for (const [name, value] of BODY_HEADERS) response.setHeader(name, value);
  compress(request, response, () => {});
  releaseCompressionOnClose(response);
  holdScriptsInHtml(response);
}

const isHtml = (type: unknown) => typeof type === "string" && /^text\/html\b/i.test(type);

/** Rewrites the body of `response` if it turns out to be HTML; any other response passes untouched. */
function holdScriptsInHtml(response: ServerResponse): void {
  const write = response.write;
  const end = response.end;
  let holder: ScriptHolder | undefined;
  const decoder = new StringDecoder("utf8");
  // Decided as the headers go out, whoever sends them; the length Next.js may have set no longer holds.
  onHeaders(response, function () {
    if (!isHtml(this.getHeader("content-type"))) return;
    holder = new ScriptHolder();
    this.removeHeader("content-length");
  });
  // Before the first chunk passes an HTML response's headers are sent, so the chunk is rewritten too.
  const decide = (res: ServerResponse) => {
    if (!res.headersSent && isHtml(res.getHeader("content-type"))) res.writeHead(res.statusCode);
  };
  const text = (chunk: unknown, encoding?: BufferEncoding) =>
    decoder.write(typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array));

  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide(this);
    if (!holder) return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
    const callback = rest.find((r): r is (error?: Error | null) => void => typeof r === "function");
    const out = holder.push(text(chunk, encoding));
    if (out) return write.call(this, out, "utf8", callback ?? noop);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    decide(this);
    if (!holder) return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    const callback = args.find((a): a is () => void => typeof a === "function");
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    const encoding = typeof args[1] === "string" ? (args[1] as BufferEncoding) : undefined;
    const rest = (chunk == null ? "" : holder.push(text(chunk, encoding))) + holder.push(decoder.end()) + holder.end();
    return end.call(this, rest, "utf8", callback);
  } as ServerResponse["end"];
}

const noop = () => {};

/**
 * A client that disconnects mid-response leaves the middleware's zlib stream open, past garbage
 * collection: destroy it. The middleware hands that stream back from `res.on("drain")`; this is
 * what Next.js does for its own compression (next/dist/server/lib/release-compression-stream.js).
 */
function releaseCompressionOnClose(response: ServerResponse): void {
  response.once("close", () => {
    if (response.writableFinished) return;
    const stream: unknown = response.on("drain", noop);
    if (stream === response || !(stream instanceof Duplex)) {
      response.off("drain", noop);
      return;
    }
    stream.destroy();
  });
}
