import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migratedDb } from "@/lib/db/testing";
import { parseEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "./address";
import { LIMITS, SIGN_IN_BACKOFF } from "./limits";

// The real limits (QUORUM_RATE_LIMITS unset) against the route handlers and the action client,
// with the peer address `next start` stamps on each request (lib/limits/peer.ts) set by hand.
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/env")>()), env: () => parseEnv({}) }));
let handle: DbHandle;
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => handle.db,
}));
const action = vi.hoisted(() => ({ headers: new Headers(), locale: "zh-CN" }));
vi.mock("next/headers", () => ({ headers: async () => action.headers, cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => action.locale }));

beforeAll(async () => {
  handle = await migratedDb();
});
afterAll(() => handle.close());

let spoofed = 0;
/** A request from `peer` that claims a new X-Forwarded-For address every time. */
function from(peer: string, url: string, init: { body?: unknown; lang?: string } = {}) {
  spoofed++;
  return new Request(`http://127.0.0.1:3957${url}`, {
    method: "POST",
    headers: {
      [PEER_ADDRESS_HEADER]: peer,
      "x-forwarded-for": `198.18.${spoofed % 250}.${spoofed % 200}`,
      "x-real-ip": `198.19.0.${spoofed % 250}`,
      "content-type": "application/json",
      "accept-language": init.lang ?? "zh-CN",
    },
    body: JSON.stringify(init.body ?? {}),
  });
}

const cart = { edition: "business", seats: 10, term: { unit: "year", count: 1 } };

async function expectRefused(response: Response, lang: "zh-CN" | "en", pattern: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  const body = (await response.clone().json()) as { code: string; message: string; retryAfter: number; errors: { code: string }[] };
  expect(body.code).toBe("RATE_LIMITED");
  expect(body.errors[0]?.code).toBe("RATE_LIMITED");
  expect(body.retryAfter).toBe(retryAfter);
  expect(body.message).toMatch(pattern);
  expect(body.message).toMatch(lang === "zh-CN" ? /[\u4e00-\u9fff]/ : /^[\x20-\x7e]+$/);
  return retryAfter;
}

describe("the price API under its limit", () => {
  it("rotating X-Forwarded-For does not bypass it: the request after the limit is 429 with Retry-After, in zh-CN and en", async () => {
    const { POST } = await import("@/app/api/v1/price/route");
    for (let i = 0; i < LIMITS.price.points; i++) {
      expect((await POST(from("203.0.113.10", "/api/v1/price", { body: cart }))).status, `request ${i + 1}`).not.toBe(429);
    }
    const zh = await expectRefused(await POST(from("203.0.113.10", "/api/v1/price", { body: cart })), "zh-CN", /请在 \d+ 秒后再试/);
    expect(zh).toBeLessThanOrEqual(LIMITS.price.block);
    await expectRefused(await POST(from("203.0.113.10", "/api/v1/price", { body: cart, lang: "en" })), "en", /Try again in \d+ seconds?\./);
    // Another client is not affected.
    expect((await POST(from("203.0.113.11", "/api/v1/price", { body: cart }))).status).toBe(200);
  });

  it("127.0.0.1 is not exempt", async () => {
    const { POST } = await import("@/app/api/v1/price/route");
    for (let i = 0; i < LIMITS.price.points; i++) await POST(from("127.0.0.1", "/api/v1/price", { body: cart }));
    await expectRefused(await POST(from("127.0.0.1", "/api/v1/price", { body: cart })), "zh-CN", /秒后再试/);
    await expectRefused(await POST(from("::ffff:127.0.0.1", "/api/v1/price", { body: cart })), "zh-CN", /秒后再试/);
  });

  it("guessing voucher codes through it stops at the voucher limit", async () => {
    const { POST } = await import("@/app/api/v1/price/route");
    for (let i = 0; i < LIMITS.voucher.points; i++) {
      const response = await POST(from("203.0.113.12", "/api/v1/price", { body: { ...cart, voucher: `GUESS${i}` } }));
      expect(response.status).toBe(422);
    }
    await expectRefused(await POST(from("203.0.113.12", "/api/v1/price", { body: { ...cart, voucher: "GUESSX" } })), "zh-CN", /后再试/);
    // Prices without a code still answer.
    expect((await POST(from("203.0.113.12", "/api/v1/price", { body: cart }))).status).toBe(200);
  });
});

describe("the auth route under its limits", () => {
  const authRoute = () => import("@/app/api/auth/[...all]/route");

  it("sign-in per address: rotating X-Forwarded-For does not bypass it", async () => {
    const { POST } = await authRoute();
    for (let i = 0; i < LIMITS["sign-in"].points; i++) {
      const body = { email: `nobody${i}@example.com`, password: "wrong password" };
      expect((await POST(from("203.0.113.20", "/api/auth/sign-in/email", { body }))).status).toBe(401);
    }
    const body = { email: "nobody-last@example.com", password: "wrong password" };
    await expectRefused(await POST(from("203.0.113.20", "/api/auth/sign-in/email", { body, lang: "en" })), "en", /Too many requests/);
  });

  it("sign-up per address", async () => {
    const { POST } = await authRoute();
    for (let i = 0; i < LIMITS["sign-up"].points; i++) {
      const body = { name: "Buyer", email: `new${i}@example.com`, password: "a good password" };
      expect((await POST(from("203.0.113.21", "/api/auth/sign-up/email", { body }))).status).toBe(200);
    }
    const body = { name: "Buyer", email: "new-last@example.com", password: "a good password" };
    await expectRefused(await POST(from("203.0.113.21", "/api/auth/sign-up/email", { body })), "zh-CN", /后再试/);
  });

  it("per-account back-off: failed sign-ins from many addresses block the account, with the wait; a success resets it", async () => {
    const { POST } = await authRoute();
    const email = "backoff@example.com";
    expect(
      (await POST(from("203.0.113.30", "/api/auth/sign-up/email", { body: { name: "B", email, password: "the right password" } }))).status,
    ).toBe(200);
    // Each guess from another address: the address limits never see more than one.
    for (let i = 0; i < SIGN_IN_BACKOFF.free; i++) {
      const response = await POST(from(`203.0.113.${40 + i}`, "/api/auth/sign-in/email", { body: { email, password: `guess ${i}` } }));
      expect(response.status).toBe(401);
    }
    const blocked = await POST(from("203.0.113.60", "/api/auth/sign-in/email", { body: { email, password: "the right password" } }));
    const wait = await expectRefused(blocked, "zh-CN", /密码错误次数过多，请在 \d+ 秒后再试/);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_BACKOFF.firstBlock);
    expect(((await blocked.json()) as { reason?: string }).reason).toBe("signInBlocked");
    await expectRefused(
      await POST(
        from("203.0.113.61", "/api/auth/sign-in/email", { body: { email: "BACKOFF@example.com", password: "x".repeat(8) }, lang: "en" }),
      ),
      "en",
      /Too many wrong passwords\. Try again in \d+ seconds?\./,
    );
    // The block ends (time moved on by ending it in the store), the right password signs in and clears the failures.
    const { getLimits } = await import("./limiter");
    await (await getLimits()).signInSucceeded(email);
    expect((await POST(from("203.0.113.62", "/api/auth/sign-in/email", { body: { email, password: "the right password" } }))).status).toBe(
      200,
    );
    for (let i = 0; i < SIGN_IN_BACKOFF.free - 1; i++) {
      expect((await POST(from(`203.0.113.${70 + i}`, "/api/auth/sign-in/email", { body: { email, password: "wrong" + i } }))).status).toBe(
        401,
      );
    }
    expect((await POST(from("203.0.113.80", "/api/auth/sign-in/email", { body: { email, password: "the right password" } }))).status).toBe(
      200,
    );
  });
});

describe("the upload route under its limit", () => {
  it("answers 429 before anything else once the address is over", async () => {
    const { POST } = await import("@/app/api/uploads/education-proof/route");
    for (let i = 0; i < LIMITS.upload.points; i++)
      expect((await POST(from("203.0.113.90", "/api/uploads/education-proof"))).status).toBe(401);
    await expectRefused(await POST(from("203.0.113.90", "/api/uploads/education-proof")), "zh-CN", /后再试/);
  });
});

describe("server actions under their limits (the action client's rateLimit middleware)", () => {
  it("checkVoucherAction: guesses stop at the voucher limit with RATE_LIMITED and the wait in the buyer's language", async () => {
    const { checkVoucherAction } = await import("@/lib/actions/check-voucher");
    for (let i = 0; i < LIMITS.voucher.points; i++) {
      action.headers = from("203.0.113.100", "/").headers;
      expect(await checkVoucherAction(`GUESS${i}`)).toEqual({ ok: false, error: "VOUCHER_UNKNOWN" });
    }
    action.headers = from("203.0.113.100", "/").headers;
    const zh = await checkVoucherAction("GUESSZ");
    expect(zh).toMatchObject({ ok: false, error: "RATE_LIMITED" });
    expect(zh.ok === false && zh.error === "RATE_LIMITED" && zh.message).toMatch(/^操作过于频繁，请在 \d+ 分钟后再试。$/);
    action.locale = "en";
    const en = await checkVoucherAction("GUESSZ");
    expect(en.ok === false && en.error === "RATE_LIMITED" && en.message).toMatch(/^Too many requests\. Try again in \d+ minutes?\.$/);
    expect(en.ok === false && en.error === "RATE_LIMITED" && en.retryAfter).toBeGreaterThan(LIMITS.voucher.block - 10);
    action.locale = "zh-CN";
    // Malformed input counts too (the limit runs before the schema).
    action.headers = from("203.0.113.101", "/").headers;
    for (let i = 0; i < LIMITS.voucher.points; i++) await checkVoucherAction(i % 2 ? 42 : "");
    expect(await checkVoucherAction("REAL")).toMatchObject({ ok: false, error: "RATE_LIMITED" });
  });

  it("placeOrderAction: limited per address before the sign-in check, and a voucher code counts as a voucher guess", async () => {
    const { placeOrderAction } = await import("@/lib/actions/place-order");
    action.headers = from("203.0.113.110", "/").headers;
    for (let i = 0; i < LIMITS.voucher.points; i++) expect(await placeOrderAction({ voucher: `G${i}` })).toMatchObject({ ok: false });
    expect(await placeOrderAction({ voucher: "G-next" })).toMatchObject({ ok: false, error: "RATE_LIMITED" });
    action.headers = from("203.0.113.111", "/").headers;
    for (let i = 0; i < LIMITS["place-order"].points; i++)
      expect(await placeOrderAction({})).toMatchObject({ ok: false, error: "INVALID_SHAPE" });
    expect(await placeOrderAction({})).toMatchObject({ ok: false, error: "RATE_LIMITED" });
  });
});
