import { APIError } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, migrate, type DbHandle } from "@/lib/db/client";
import { findUserByEmail, setUserRole } from "@/lib/db/queries/users";
import { authSecret, createAuth, type Auth } from "./auth";
import { ensureOperator } from "./operator";

const ORIGIN = "http://127.0.0.1:3917";
let handle: DbHandle;
let auth: Auth;
let n = 0;
const freshEmail = () => `user${++n}@example.com`;

/**
 * A browser-like POST to an auth endpoint on `origin`, as `next start` hands it over: the URL on
 * Next's own hostname (localhost), the browser's host in the Host header.
 */
function post(path: string, body: unknown, init: { origin?: string; cookie?: string } = {}) {
  const origin = init.origin ?? ORIGIN;
  const headers: Record<string, string> = { "content-type": "application/json", origin, host: new URL(origin).host };
  if (init.cookie) headers.cookie = init.cookie;
  return auth.handler(new Request(`http://localhost:3000/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signUp(email: string, password = "correct-horse", extra: Record<string, unknown> = {}) {
  return post("/sign-up/email", { email, password, name: "Test User", ...extra });
}

beforeAll(async () => {
  handle = createDb({ url: "memory://" });
  await migrate(handle.db);
  auth = createAuth(handle.db, { secret: "test-secret-that-is-long-enough-0123456789" });
});
afterAll(async () => {
  await handle.close();
});

describe("email + password sign-up", () => {
  it("creates a buyer with the default discount limit, signed in at once, the password hashed", async () => {
    const email = freshEmail();
    const res = await signUp(email);
    expect(res.status).toBe(200);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(res) }) });
    expect(session?.user).toMatchObject({ email, name: "Test User", role: "buyer", discountLimitPercent: 15 });
    const row = await findUserByEmail(handle.db, { email });
    expect(row?.role).toBe("buyer");
    const accounts = await handle.db.query.account.findMany();
    expect(accounts.every((a) => a.password && !a.password.includes("correct-horse"))).toBe(true);
  });

  it("ignores a role or discount limit sent with the sign-up", async () => {
    const email = freshEmail();
    const res = await signUp(email, "correct-horse", { role: "operator", discountLimitPercent: 100 });
    expect(res.status).toBe(200);
    expect(await findUserByEmail(handle.db, { email })).toMatchObject({ role: "buyer", discountLimitPercent: 15 });
  });

  it("refuses an email that is already registered, in any case", async () => {
    const email = freshEmail();
    expect((await signUp(email)).status).toBe(200);
    const again = await signUp(email.toUpperCase());
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" });
  });

  it("refuses a password shorter than 8 characters", async () => {
    const res = await signUp(freshEmail(), "1234567");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
  });
});

describe("email + password sign-in", () => {
  it("signs in with the right password and refuses a wrong one", async () => {
    const email = freshEmail();
    await signUp(email);
    const ok = await post("/sign-in/email", { email, password: "correct-horse" });
    expect(ok.status).toBe(200);
    expect(cookieOf(ok)).toMatch(/better-auth\.session_token=/);

    const wrong = await post("/sign-in/email", { email, password: "wrong-horse" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    expect(cookieOf(wrong)).toBe("");
    await expect(auth.api.signInEmail({ body: { email, password: "wrong-horse" } })).rejects.toBeInstanceOf(APIError);
  });

  it("works on whatever origin the request comes from, and refuses a cross-site request", async () => {
    const email = freshEmail();
    await signUp(email);
    for (const origin of ["http://localhost:3000", "http://192.168.1.20:8080", "https://store.example.com"]) {
      expect((await post("/sign-in/email", { email, password: "correct-horse" }, { origin })).status).toBe(200);
    }
    const local = await post("/sign-in/email", { email, password: "correct-horse" });

    // A POST from another site is what a CSRF attempt looks like, with or without a session.
    const crossSite = { "content-type": "application/json", host: new URL(ORIGIN).host, origin: "https://evil.example" };
    const signOut = new Request(`${ORIGIN}/api/auth/sign-out`, {
      method: "POST",
      headers: { ...crossSite, cookie: cookieOf(local) },
      body: "{}",
    });
    expect((await auth.handler(signOut)).status).toBe(403);
    const signIn = new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: crossSite,
      body: JSON.stringify({ email, password: "correct-horse" }),
    });
    expect((await auth.handler(signIn)).status).toBe(403);
  });
});

describe("roles", () => {
  it("an operator promotion shows in the session", async () => {
    const email = freshEmail();
    const res = await signUp(email);
    const row = await findUserByEmail(handle.db, { email });
    await setUserRole(handle.db, { id: row!.id, role: "operator" });
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(res) }) });
    expect(session?.user.role).toBe("operator");
  });

  it("the database refuses an unknown role", async () => {
    const email = freshEmail();
    await signUp(email);
    const row = await findUserByEmail(handle.db, { email });
    // @ts-expect-error: not a role
    await expect(setUserRole(handle.db, { id: row!.id, role: "admin" })).rejects.toThrow();
  });

  it("ensureOperator creates an operator who can sign in, and promotes an existing account without touching its password", async () => {
    const email = freshEmail();
    expect(await ensureOperator(auth, handle.db, { email, password: "ops-password", name: "Ops" })).toMatchObject({ email, created: true });
    expect((await findUserByEmail(handle.db, { email }))?.role).toBe("operator");
    expect((await post("/sign-in/email", { email, password: "ops-password" })).status).toBe(200);

    const buyer = freshEmail();
    await signUp(buyer, "buyer-password");
    expect(await ensureOperator(auth, handle.db, { email: buyer.toUpperCase(), password: "ignored-password", name: "X" })).toMatchObject({
      created: false,
    });
    expect((await findUserByEmail(handle.db, { email: buyer }))?.role).toBe("operator");
    expect((await post("/sign-in/email", { email: buyer, password: "buyer-password" })).status).toBe(200);
  });
});

describe("authSecret", () => {
  it("prefers BETTER_AUTH_SECRET, else derives a stable secret per data folder", () => {
    const set = "s".repeat(40);
    expect(authSecret({ BETTER_AUTH_SECRET: set, DATA_DIR: "./.data" })).toBe(set);
    const a = authSecret({ DATA_DIR: "./.data" });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(authSecret({ DATA_DIR: "./.data" })).toBe(a);
    expect(authSecret({ DATA_DIR: "./other" })).not.toBe(a);
  });
});
