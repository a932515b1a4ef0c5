import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareResponse } from "./page-responses";

const HEAD = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="n"></script>`;
const BODY = `</head><body><h1>价格 ¥1,234.00</h1>${"<p>filler</p>".repeat(200)}</body></html>`;
// Past the middleware's 1 KB threshold, so it is compressed too.
const JSON_BODY = JSON.stringify({ total: "1.00", note: `<script src="/_next/static/chunks/a.js" async=""></script>`.repeat(20) });

// Each route writes its body the way Next.js can: streamed in chunks (a tag and a character cut between
// them), with a length set beforehand, or in one end().
const routes: Record<string, (res: http.ServerResponse) => void> = {
  "/streamed": (res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    const bytes = Buffer.from(HEAD + BODY);
    const cuts = [30, 70, HEAD.length + 20, HEAD.length + 22, bytes.length];
    let from = 0;
    for (const cut of cuts.slice(0, -1)) res.write(bytes.subarray(from, (from = cut)));
    res.end(bytes.subarray(from));
  },
  "/with-length": (res) => {
    res.writeHead(404, { "content-type": "text/html", "content-length": Buffer.byteLength(HEAD + BODY) });
    res.end(HEAD + BODY);
  },
  "/json": (res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON_BODY);
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    prepareResponse(req, res);
    routes[req.url!]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw response, without fetch's own decompression, so what the server sent is what is checked. */
function get(path: string, gzip: boolean): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: gzip ? { "accept-encoding": "gzip" } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
          resolve({ status: res.statusCode!, headers: res.headers, body });
        });
      })
      .on("error", reject);
  });
}

describe("prepareResponse", () => {
  it.each([
    ["streamed, gzip", "/streamed", true, 200],
    ["streamed, identity", "/streamed", false, 200],
    ["with a Content-Length set", "/with-length", true, 404],
    ["with a Content-Length, identity", "/with-length", false, 404],
  ])("an HTML page (%s): framework scripts handed to the loader, the rest intact", async (_, path, gzip, status) => {
    const res = await get(path, gzip);
    expect(res.status).toBe(status);
    expect(res.headers["content-encoding"]).toBe(gzip ? "gzip" : undefined);
    // The length Next.js set was the original document's: gone, the body is sent chunked.
    expect(res.headers["content-length"]).toBeUndefined();
    expect(res.body).not.toContain(`<script src="/_next/static/chunks/a.js"`);
    expect(res.body).toContain(`__qsHold([["script",{"src":"/_next/static/chunks/a.js","async":""}]])`);
    expect(res.body).toMatch(/^<!DOCTYPE html><html><head><script nonce="n">\(function/);
    expect(res.body.endsWith(BODY)).toBe(true);
  });

  it.each([true, false])("any other response passes untouched (gzip: %s)", async (gzip) => {
    const res = await get("/json", gzip);
    expect(res.body).toBe(JSON_BODY);
    expect(res.headers["content-encoding"]).toBe(gzip ? "gzip" : undefined);
  });
});
