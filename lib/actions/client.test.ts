import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { TEST_CLOCK_HEADER } from "@/lib/clock";

// Only what the request context reads: the request's headers, next-intl's locale, the session, the database.
const request = vi.hoisted(() => ({ headers: new Headers(), locale: "en", user: null as CurrentUser | null, db: { name: "db" } }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next-intl/server", () => ({ getLocale: async () => request.locale }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => request.user) }));
vi.mock("@/lib/db/client", () => ({ getDb: async () => request.db }));

const { getCurrentUser } = await import("@/lib/auth/session");
const { hasRole, publicAction, signedIn, toAction, toFormAction } = await import("./client");

const buyer: CurrentUser = { id: "u1", email: "b@example.com", name: "Buyer", role: "buyer" };
const operator: CurrentUser = { ...buyer, id: "u2", role: "operator" };
const schema = z.object({ name: z.string().min(2, "Test.errors.name"), count: z.coerce.number().int("Test.errors.count") });

const seen = vi.fn();
const echo = async ({ parsedInput, ctx }: { parsedInput: z.output<typeof schema>; ctx: object }) => {
  seen(ctx);
  return { ok: true as const, ...parsedInput };
};
const publicEcho = toAction("public", publicAction("public-echo", schema).action(echo));
const userEcho = toAction("user", publicAction("user-echo", schema).useValidated(signedIn).action(echo));
const operatorEcho = toAction(
  "role",
  publicAction("operator-echo", schema).useValidated(signedIn).useValidated(hasRole("operator")).action(echo),
);

beforeEach(() => {
  request.headers = new Headers();
  request.locale = "en";
  request.user = null;
  seen.mockClear();
  vi.mocked(getCurrentUser).mockClear();
});
afterEach(() => vi.unstubAllEnvs());

describe("the action client", () => {
  it("answers UNAUTHENTICATED to a signed-out caller of a signed-in action, and runs nothing", async () => {
    expect(await userEcho({ name: "Ada", count: 1 })).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    expect(await operatorEcho({ name: "Ada", count: 1 })).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    expect(seen).not.toHaveBeenCalled();
  });

  it("answers FORBIDDEN to a user without the role, and runs the action for one with it", async () => {
    request.user = buyer;
    expect(await operatorEcho({ name: "Ada", count: 1 })).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(seen).not.toHaveBeenCalled();
    expect(await userEcho({ name: "Ada", count: 1 })).toEqual({ ok: true, name: "Ada", count: 1 });

    request.user = operator;
    expect(await operatorEcho({ name: "Ada", count: "2" })).toEqual({ ok: true, name: "Ada", count: 2 });
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ user: operator }));
  });

  it("parses before it authorises: bad input is INVALID with messages per field, whoever asks", async () => {
    const expected = { ok: false, error: "INVALID", fieldErrors: { name: ["Test.errors.name"], count: ["Test.errors.count"] } };
    expect(await operatorEcho({ name: "A", count: 1.5 })).toEqual(expected);
    expect(getCurrentUser).not.toHaveBeenCalled();
    request.user = operator;
    expect(await operatorEcho({ name: "A", count: 1.5 })).toEqual(expected);
    expect(await publicEcho("not an object")).toEqual({ ok: false, error: "INVALID", fieldErrors: { "": [expect.any(String)] } });
    expect(seen).not.toHaveBeenCalled();
  });

  it("keys nested messages by their dot path, and lets an action answer bad input its own way", async () => {
    const nested = toAction(
      "public",
      publicAction("nested", z.object({ cart: z.object({ seats: z.number("Test.errors.seats") }) })).action(async () => ({ ok: true })),
      (fieldErrors) => ({ ok: false as const, error: "INVALID_SHAPE" as const, fieldErrors }),
    );
    expect(await nested({ cart: { seats: "x" } })).toEqual({
      ok: false,
      error: "INVALID_SHAPE",
      fieldErrors: { "cart.seats": ["Test.errors.seats"] },
    });
  });

  it("gives every action the request's clock as ctx.now", async () => {
    vi.stubEnv("QUORUM_TEST_CLOCK", "1");
    request.headers = new Headers({ [TEST_CLOCK_HEADER]: "2031-05-06T07:08:09.000Z" });
    await publicEcho({ name: "Ada", count: 1 });
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ now: new Date("2031-05-06T07:08:09.000Z") }));

    // Without the test-clock switch the header is ignored: the real clock.
    vi.stubEnv("QUORUM_TEST_CLOCK", "");
    const before = Date.now();
    await publicEcho({ name: "Ada", count: 1 });
    const { now } = seen.mock.lastCall?.[0] as { now: Date };
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("gives every action the request's locale, narrowed to a supported one, and the database", async () => {
    await publicEcho({ name: "Ada", count: 1 });
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ locale: "en", db: request.db }));
    request.locale = "fr";
    await publicEcho({ name: "Ada", count: 1 });
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ locale: "zh-CN" }));
  });

  it("logs a bug with the action's name and throws without its cause", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = toAction(
      "public",
      publicAction("broken", schema).action(async () => {
        throw new Error("database password is hunter2");
      }),
    );
    await expect(broken({ name: "Ada", count: 1 })).rejects.toThrow("The action failed unexpectedly.");
    await expect(broken({ name: "Ada", count: 1 })).rejects.not.toThrow(/hunter2/);
    expect(log).toHaveBeenCalledWith("[action broken] failed", expect.objectContaining({ message: "database password is hunter2" }));
    log.mockRestore();
  });

  it("lets redirects through untouched", async () => {
    const { redirect } = await import("next/navigation");
    const leaving = toAction(
      "public",
      publicAction("leaving", schema).action(async () => redirect("/elsewhere")),
    );
    await expect(leaving({ name: "Ada", count: 1 })).rejects.toMatchObject({ digest: expect.stringContaining("/elsewhere") });
  });

  it("reads a form action's named fields from its FormData", async () => {
    request.user = operator;
    const form = toFormAction(
      "role",
      ["name", "count"],
      publicAction("form-echo", schema).useValidated(signedIn).useValidated(hasRole("operator")).action(echo),
    );
    const data = new FormData();
    data.set("name", "Ada");
    data.set("count", "3");
    data.set("role", "operator");
    expect(await form(null, data)).toEqual({ ok: true, name: "Ada", count: 3 });
    expect(await form(null, new FormData())).toMatchObject({ ok: false, error: "INVALID", fieldErrors: { name: expect.any(Array) } });
  });
});
