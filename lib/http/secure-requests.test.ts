import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secureRequest } from "./secure-requests";

// A real server with secureRequest in front of a handler that echoes the CSP the request carries on to it.
let server: http.Server;
let base: string;
let reached: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (secureRequest(req, res)) return;
    reached.push(req.url!);
    res.setHeader("content-type", "application/json");
    req.resume();
    req.on("end", () => res.end(JSON.stringify({ csp: req.headers["content-security-policy"] ?? null })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];

describe("secureRequest", () => {
  it.each([
    ["a page", "/pricing", {}],
    ["an API call with a body", "/api/v1/price", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }],
    ["a chunked upload", "/api/uploads/x", { method: "POST", body: "abc", headers: { "transfer-encoding": "chunked" } }],
  ])("%s: every security header, and the request carries the same nonce on to the render", async (_, path, options) => {
    const res = await send(path, options);
    expect(res.status).toBe(200);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["permissions-policy"]).toContain("camera=()");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    const nonce = nonceOf(res.headers["content-security-policy"]);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf((JSON.parse(res.body) as { csp: string }).csp)).toBe(nonce);
  });

  it("a fresh nonce per request, and a CSP the client sent is replaced", async () => {
    const forged = "script-src 'nonce-forged'";
    const [a, b] = await Promise.all([send("/a", { headers: { "content-security-policy": forged } }), send("/b")]);
    const carried = (JSON.parse(a.body) as { csp: string }).csp;
    expect(carried).not.toContain("forged");
    expect(nonceOf(a.headers["content-security-policy"])).not.toBe(nonceOf(b.headers["content-security-policy"]));
  });

  it.each([
    ["a quote link", "/q/abc?x=1", "no-referrer"],
    ["a quote link reached through a dot segment", "/x/../q/abc", "no-referrer"],
    ["the quotes page", "/quotes", "strict-origin-when-cross-origin"],
  ])("%s: its referrer policy", async (_, path, policy) => {
    expect((await send(path)).headers["referrer-policy"]).toBe(policy);
  });

  it.each([
    ["x-forwarded-proto", { "x-forwarded-proto": "https" }, true],
    ["Forwarded", { forwarded: 'for=1.2.3.4;proto="https"' }, true],
    ["plain http", { "x-forwarded-proto": "http" }, false],
  ])("https through %s: HSTS and upgrade-insecure-requests", async (_, headers, https) => {
    const res = await send("/pricing", { headers });
    expect(res.headers["strict-transport-security"] !== undefined).toBe(https);
    expect(String(res.headers["content-security-policy"]).includes("upgrade-insecure-requests")).toBe(https);
  });

  it("the image optimiser's responses are left alone", async () => {
    const res = await send("/_next/image?url=%2Fa.png&w=64&q=75");
    expect(res.status).toBe(200);
    expect(res.headers["x-frame-options"]).toBeUndefined();
  });

  it.each([
    ["a page path", "/q/%FF", {}, "text/plain; charset=utf-8", "zh-CN"],
    ["a query", "/sign-in?next=%00", {}, "text/plain; charset=utf-8", "zh-CN"],
    ["an API path, in English", "/api/uploads/education-proof/%C0%AF", { "accept-language": "en" }, "application/json", "en"],
    [
      "a path posted with a body",
      "/q/%ED%A0%80/checkout",
      { "content-type": "application/x-www-form-urlencoded" },
      "text/plain; charset=utf-8",
      "zh-CN",
    ],
    [
      "the language cookie over Accept-Language",
      "/orders/%E6%9C",
      { cookie: "a=1; NEXT_LOCALE=en", "accept-language": "zh" },
      "text/plain; charset=utf-8",
      "en",
    ],
  ])(
    "a malformed target (%s): 400 in the requester's language, never reaching the server's handler",
    async (_, path, headers, type, locale) => {
      reached = [];
      const body = "content-type" in headers && path.includes("checkout") ? "x=1" : undefined;
      const res = await send(path, { method: body ? "POST" : "GET", headers, body });
      expect(res.status).toBe(400);
      expect(res.headers["content-type"]).toBe(type);
      expect(res.headers["x-frame-options"]).toBe("DENY");
      const message =
        type === "application/json"
          ? (JSON.parse(res.body) as { errors: { code: string; message: string }[] }).errors[0]!
          : { code: "BAD_REQUEST_TARGET", message: res.body };
      expect(message.code).toBe("BAD_REQUEST_TARGET");
      expect(/[\u4e00-\u9fff]/.test(message.message)).toBe(locale === "zh-CN");
      expect(reached).toEqual([]);
    },
  );
});
