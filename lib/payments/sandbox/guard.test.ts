import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migratedDb } from "@/lib/db/testing";
import { parseEnv, type Env } from "@/lib/env";
import { sandboxNotification } from "./provider";

// The process environment the server would have parsed at start, switched per test.
const current: { env: Env } = { env: parseEnv({}) };
const PUBLIC = { BETTER_AUTH_URL: "https://store.example.com", BETTER_AUTH_SECRET: "a".repeat(32), SANDBOX_PAYMENT_SECRET: "s".repeat(32) };
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/env")>()), env: () => current.env }));

let handle: DbHandle;
const getDb = vi.fn(async () => handle.db);
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: () => getDb(),
}));

beforeAll(async () => {
  handle = await migratedDb();
});
afterAll(() => handle.close());
beforeEach(() => getDb.mockClear());

/** A sandbox notification signed with the configured secret, POSTed to the notify route. */
async function postNotification() {
  const { POST } = await import("@/app/api/payments/[provider]/notify/route");
  const { sandboxSecret } = await import("./secret");
  const n = sandboxNotification({
    secret: sandboxSecret(current.env),
    event: { notificationId: "n-1", paymentRef: "sbp_" + "0".repeat(32), status: "succeeded", amount: "1.00" },
    now: new Date(),
  });
  const request = new Request("http://127.0.0.1/api/payments/sandbox/notify", { method: "POST", headers: n.headers, body: n.rawBody });
  return POST(request, { params: Promise.resolve({ provider: "sandbox" }) });
}

/** What the guard at the hosted page and the buyer's choice does: undefined, or the 404 Next renders. */
async function guard(): Promise<string | undefined> {
  const { sandboxGatewayOr404 } = await import("./guard");
  try {
    sandboxGatewayOr404();
    return undefined;
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
}

describe("the sandbox gateway when it is not served", () => {
  it.each<[string, Record<string, string>]>([
    ["a public deployment that did not enable it", { ...PUBLIC, QUORUM_SANDBOX_PAYMENTS: "0" }],
    ["a laptop that turned it off", { QUORUM_SANDBOX_PAYMENTS: "0" }],
  ])("%s: the notify endpoint answers 404 without touching the database, the hosted page 404", async (_, source) => {
    // PAYMENT_PROVIDER=sandbox would refuse this environment at start; the routes refuse on their own too.
    current.env = { ...parseEnv({ ...source, QUORUM_SANDBOX_PAYMENTS: "1" }), QUORUM_SANDBOX_PAYMENTS: false };
    const response = await postNotification();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error: "UNKNOWN_PROVIDER" });
    expect(getDb).not.toHaveBeenCalled();
    expect(await guard()).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    const { findPaymentProvider } = await import("@/lib/payments/registry");
    expect(findPaymentProvider("sandbox")).toBeUndefined();
  });

  it.each<[string, Record<string, string>]>([
    ["a laptop (the default)", {}],
    ["a public deployment with QUORUM_SANDBOX_PAYMENTS=1", { ...PUBLIC, QUORUM_SANDBOX_PAYMENTS: "1" }],
  ])("%s: the same notification reaches the gateway, the hosted page renders", async (_, source) => {
    current.env = parseEnv(source);
    const response = await postNotification();
    // Signed correctly, for a payment that does not exist: handled by the gateway, not refused at the door.
    expect(response.status).not.toBe(404);
    expect(getDb).toHaveBeenCalled();
    expect(await guard()).toBeUndefined();
  });
});
