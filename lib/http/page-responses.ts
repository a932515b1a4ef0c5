import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import compression from "compression";
import onHeaders from "on-headers";
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

/**
 * One response: compression underneath (when the client accepts an encoding at all: without
 * Accept-Encoding the middleware would send it as it is), the HTML rewrite on top, as Next.js writes it.
 */
export function prepareResponse(request: IncomingMessage, response: ServerResponse): void {
  if (request.headers["accept-encoding"]) {
    compress(request, response, () => {});
    releaseCompressionOnClose(response);
  }
  holdScriptsInHtml(response);
}

const isHtml = (type: unknown) => typeof type === "string" && /^text\/html\b/i.test(type);

/** Rewrites the body of `response` if it turns out to be HTML; any other response passes untouched. */
function holdScriptsInHtml(response: ServerResponse): void {
  const write = response.write;
  const end = response.end;
  let html: { holder: ScriptHolder; decoder: StringDecoder } | undefined;
  // Decided as the headers go out, whoever sends them; the length Next.js may have set no longer holds.
  onHeaders(response, function () {
    if (!isHtml(this.getHeader("content-type"))) return;
    html = { holder: new ScriptHolder(), decoder: new StringDecoder("utf8") };
    this.removeHeader("content-length");
  });
  // Before the first chunk passes an HTML response's headers are sent, so the chunk is rewritten too.
  const decide = (res: ServerResponse) => {
    if (!res.headersSent && isHtml(res.getHeader("content-type"))) res.writeHead(res.statusCode);
  };
  const text = (decoder: StringDecoder, chunk: unknown, encoding?: BufferEncoding) =>
    decoder.write(typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array));

  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide(this);
    if (!html) return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
    const callback = rest.find((r): r is (error?: Error | null) => void => typeof r === "function");
    const out = html.holder.push(text(html.decoder, chunk, encoding));
    if (out) return write.call(this, out, "utf8", callback ?? noop);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    decide(this);
    if (!html) return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    const { holder, decoder } = html;
    const callback = args.find((a): a is () => void => typeof a === "function");
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    const encoding = typeof args[1] === "string" ? (args[1] as BufferEncoding) : undefined;
    const rest = (chunk == null ? "" : holder.push(text(decoder, chunk, encoding))) + holder.push(decoder.end()) + holder.end();
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
