import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, migrate, type DbHandle } from "@/lib/db/client";
import { findUserByEmail } from "@/lib/db/queries/users";
import { parseEnv } from "@/lib/env";
import { createAuth, type Auth } from "./auth";
import { bootstrapOperators } from "./bootstrap";

const PASSWORD = "bootstrap-password-1";
let handle: DbHandle;
let auth: Auth;
const log = { log: vi.fn(), warn: vi.fn() };

beforeAll(async () => {
  handle = createDb({ url: "memory://" });
  await migrate(handle.db);
  auth = createAuth(handle.db, { secret: "test-secret-that-is-long-enough-0123456789" });
});
afterAll(async () => handle.close());

const role = async (email: string) => (await findUserByEmail(handle.db, { email }))?.role;
const signUp = (email: string, password: string) => auth.api.signUpEmail({ body: { email, password, name: "Someone" } });

describe("bootstrapOperators", () => {
  it("creates a missing operator who can sign in with the password, once", async () => {
    const run = () => bootstrapOperators(auth, handle.db, { emails: ["ops@example.com"], password: PASSWORD, log });
    expect(await run()).toEqual({ "ops@example.com": "created" });
    expect(await role("ops@example.com")).toBe("operator");
    const signedIn = await auth.api.signInEmail({ body: { email: "ops@example.com", password: PASSWORD } });
    expect(signedIn.user.email).toBe("ops@example.com");
    expect(await run()).toEqual({ "ops@example.com": "unchanged" });
  });

  it("promotes an existing account only when it already has the password", async () => {
    await signUp("mine@example.com", PASSWORD);
    await signUp("squatter@example.com", "someone-elses-password");
    const outcomes = await bootstrapOperators(auth, handle.db, {
      emails: ["mine@example.com", "squatter@example.com"],
      password: PASSWORD,
      log,
    });
    expect(outcomes).toEqual({ "mine@example.com": "promoted", "squatter@example.com": "refused" });
    expect(await role("mine@example.com")).toBe("operator");
    expect(await role("squatter@example.com")).toBe("buyer");
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("squatter@example.com"));
  });
});

describe("QUORUM_BOOTSTRAP_OPERATORS", () => {
  it("is a comma-separated list of emails that needs the password", () => {
    expect(
      parseEnv({ QUORUM_BOOTSTRAP_OPERATORS: " Ops@Example.com, b@example.com ,", QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: PASSWORD }),
    ).toMatchObject({
      QUORUM_BOOTSTRAP_OPERATORS: ["ops@example.com", "b@example.com"],
    });
    expect(parseEnv({}).QUORUM_BOOTSTRAP_OPERATORS).toBeUndefined();
    expect(() => parseEnv({ QUORUM_BOOTSTRAP_OPERATORS: "ops@example.com" })).toThrow(/QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: is required/);
    expect(() => parseEnv({ QUORUM_BOOTSTRAP_OPERATORS: "ops@example.com", QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: "short" })).toThrow(
      /QUORUM_BOOTSTRAP_OPERATOR_PASSWORD/,
    );
    expect(() => parseEnv({ QUORUM_BOOTSTRAP_OPERATORS: "not-an-email", QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: PASSWORD })).toThrow(
      /QUORUM_BOOTSTRAP_OPERATORS/,
    );
  });
});
