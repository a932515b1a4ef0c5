import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, migrate, type DbHandle } from "@/lib/db/client";
import { createAuth } from "./auth";
import { isHttpsRequest, withSecureCookies } from "./secure-cookies";

const COOKIE = "better-auth.session_token=abc.def; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax";

describe("the session cookie over https", () => {
  it.each<[string, string, Record<string, string>, boolean]>([
    ["plain http", "http://127.0.0.1:3000/api/auth/sign-in/email", {}, false],
    ["an https request URL", "https://store.example.com/api/auth/sign-in/email", {}, true],
    ["a TLS proxy: X-Forwarded-Proto https", "http://localhost:3000/api/auth/sign-in/email", { "x-forwarded-proto": "https" }, true],
    ["X-Forwarded-Proto lists the client's hop first", "http://localhost:3000/x", { "x-forwarded-proto": "HTTPS, http" }, true],
    ["X-Forwarded-Proto http", "http://localhost:3000/x", { "x-forwarded-proto": "http" }, false],
    ["Forwarded proto=https", "http://localhost:3000/x", { forwarded: 'for=192.0.2.1;proto="https";host=store.example.com' }, true],
    ["Forwarded proto=http", "http://localhost:3000/x", { forwarded: "for=192.0.2.1;proto=http" }, false],
  ])("%s → Secure: %s", async (_, url, headers, secure) => {
    const request = new Request(url, { headers });
    expect(isHttpsRequest(request)).toBe(secure);
    const response = new Response("{}", {
      status: 200,
      headers: [
        ["set-cookie", COOKIE],
        ["set-cookie", "other=1; Path=/; Secure"],
        ["content-type", "application/json"],
      ],
    });
    const out = withSecureCookies(request, response);
    const cookies = out.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]!.startsWith("better-auth.session_token=abc.def;")).toBe(true);
    expect(/;\s*Secure\b/i.test(cookies[0]!)).toBe(secure);
    expect(cookies[1]).toBe("other=1; Path=/; Secure"); // never twice
    expect(out.status).toBe(200);
    expect(out.headers.get("content-type")).toBe("application/json");
    expect(await out.text()).toBe("{}");
  });
});

describe("sign-up through the auth route, as the browser sees it", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = createDb({ url: "memory://" });
    await migrate(handle.db);
  });
  afterAll(() => handle.close());
  let n = 0;

  it.each<[string, string | undefined, string, Record<string, string>, boolean]>([
    ["plain http on a laptop", undefined, "http://127.0.0.1:3000", {}, false],
    ["https through a TLS proxy, no BETTER_AUTH_URL", undefined, "https://store.example.com", { "x-forwarded-proto": "https" }, true],
    ["an https:// BETTER_AUTH_URL", "https://store.example.com", "https://store.example.com", { "x-forwarded-proto": "https" }, true],
  ])("%s: session cookie Secure = %s, and it signs the browser in", async (_, baseURL, origin, extra, secure) => {
    const auth = createAuth(handle.db, { secret: "test-secret-that-is-long-enough-0123456789", baseURL });
    const request = new Request("http://localhost:3000/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin, host: new URL(origin).host, ...extra },
      body: JSON.stringify({ email: `secure${++n}@example.com`, password: "correct-horse", name: "Test User" }),
    });
    const response = withSecureCookies(request, await auth.handler(request));
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => /session_token=/.test(c));
    expect(session).toBeDefined();
    expect(/;\s*Secure\b/i.test(session!)).toBe(secure);
    const cookie = session!.split(";")[0]!;
    expect((await auth.api.getSession({ headers: new Headers({ cookie }) }))?.user.email).toBe(`secure${n}@example.com`);
  });
});
