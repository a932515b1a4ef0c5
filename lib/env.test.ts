import { describe, expect, it } from "vitest";
import { parseEnv, sandboxPaymentsEnabled, startupWarnings } from "./env";

const AUTH = "a".repeat(32);
const SANDBOX = "s".repeat(32);
const HTTPS = "https://store.example.com";

describe("a public deployment (BETTER_AUTH_URL set) and the sandbox gateway", () => {
  // [case, environment, the variables the refusal names (none: it starts), whether the sandbox is served]
  it.each<[string, Record<string, string>, string[], boolean?]>([
    ["a laptop: nothing set", {}, [], true],
    ["a laptop with its own secrets", { BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX }, [], true],
    ["a laptop saying QUORUM_SANDBOX_PAYMENTS=1", { QUORUM_SANDBOX_PAYMENTS: "1" }, [], true],
    ["a laptop turning the sandbox off while it is the provider", { QUORUM_SANDBOX_PAYMENTS: "0" }, ["PAYMENT_PROVIDER"]],
    ["public, no secrets", { BETTER_AUTH_URL: HTTPS, QUORUM_SANDBOX_PAYMENTS: "1" }, ["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET"]],
    [
      "public, auth secret only",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, QUORUM_SANDBOX_PAYMENTS: "1" },
      ["SANDBOX_PAYMENT_SECRET"],
    ],
    [
      "public, sandbox secret only",
      { BETTER_AUTH_URL: HTTPS, SANDBOX_PAYMENT_SECRET: SANDBOX, QUORUM_SANDBOX_PAYMENTS: "1" },
      ["BETTER_AUTH_SECRET"],
    ],
    [
      "public, both secrets, sandbox not enabled (it is the only provider)",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX },
      ["PAYMENT_PROVIDER"],
    ],
    [
      "public, both secrets, sandbox explicitly off",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX, QUORUM_SANDBOX_PAYMENTS: "0" },
      ["PAYMENT_PROVIDER"],
    ],
    [
      "public, both secrets, sandbox explicitly on (a demo store)",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX, QUORUM_SANDBOX_PAYMENTS: "1" },
      [],
      true,
    ],
    [
      "public over plain http counts as public too",
      { BETTER_AUTH_URL: "http://192.0.2.10:3000", QUORUM_SANDBOX_PAYMENTS: "1" },
      ["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET"],
    ],
    [
      "public, nothing: every problem named at once",
      { BETTER_AUTH_URL: HTTPS },
      ["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET", "PAYMENT_PROVIDER"],
    ],
    [
      "public, short secrets are refused as short",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: "short", SANDBOX_PAYMENT_SECRET: "short", QUORUM_SANDBOX_PAYMENTS: "1" },
      ["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET"],
    ],
    [
      "an empty string means unset",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: "", SANDBOX_PAYMENT_SECRET: SANDBOX, QUORUM_SANDBOX_PAYMENTS: "1" },
      ["BETTER_AUTH_SECRET"],
    ],
    ["QUORUM_SANDBOX_PAYMENTS takes 1 or 0 only", { QUORUM_SANDBOX_PAYMENTS: "yes" }, ["QUORUM_SANDBOX_PAYMENTS"]],
    ["QUORUM_SANDBOX_PAYMENTS=true is 1", { QUORUM_SANDBOX_PAYMENTS: "true" }, [], true],
  ])("%s", (_, source, refused, sandbox) => {
    if (refused.length === 0) {
      const e = parseEnv(source);
      expect(sandboxPaymentsEnabled(e)).toBe(sandbox);
      return;
    }
    let message = "";
    try {
      parseEnv(source);
    } catch (error) {
      message = (error as Error).message;
    }
    const named = [...message.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(named.sort()).toEqual([...refused].sort());
  });

  it("names why: the public deployment needs its own secret, and the sandbox needs QUORUM_SANDBOX_PAYMENTS=1", () => {
    expect(() => parseEnv({ BETTER_AUTH_URL: HTTPS })).toThrow(
      /BETTER_AUTH_SECRET: is required when BETTER_AUTH_URL is set \(a public deployment\): the development default derived from DATA_DIR is guessable/,
    );
    expect(() => parseEnv({ BETTER_AUTH_URL: HTTPS })).toThrow(/SANDBOX_PAYMENT_SECRET: is required when BETTER_AUTH_URL is set/);
    expect(() => parseEnv({ BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX })).toThrow(
      /PAYMENT_PROVIDER: is the sandbox gateway .* serves only with QUORUM_SANDBOX_PAYMENTS=1/,
    );
  });

  // Every combination of the four settings, against the rules as the issue states them.
  const urls = [undefined, HTTPS, "http://store.lan:3000"];
  const secrets = [undefined, AUTH];
  const sandboxSecrets = [undefined, SANDBOX];
  const switches = [undefined, "1", "0"];
  const combos = urls.flatMap((url) =>
    secrets.flatMap((secret) => sandboxSecrets.flatMap((sandboxSecret) => switches.map((on) => ({ url, secret, sandboxSecret, on })))),
  );
  it.each(combos)("combination %o follows the rules", ({ url, secret, sandboxSecret, on }) => {
    const source = Object.fromEntries(
      Object.entries({
        BETTER_AUTH_URL: url,
        BETTER_AUTH_SECRET: secret,
        SANDBOX_PAYMENT_SECRET: sandboxSecret,
        QUORUM_SANDBOX_PAYMENTS: on,
      }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const publicDeployment = url !== undefined;
    const served = on === "1" || (on === undefined && !publicDeployment);
    // Starts only when: a public deployment has both its own secrets, and the sandbox (the only provider) is served.
    const starts = (!publicDeployment || (secret !== undefined && sandboxSecret !== undefined)) && served;
    if (starts) expect(sandboxPaymentsEnabled(parseEnv(source))).toBe(served);
    else expect(() => parseEnv(source)).toThrow(/Invalid environment variables/);
  });
});

describe("start-up warnings", () => {
  it.each<[string, Record<string, string>, RegExp[]]>([
    [
      "both secrets derived on a laptop",
      {},
      [/BETTER_AUTH_SECRET and SANDBOX_PAYMENT_SECRET are not set: using development secrets derived from DATA_DIR/],
    ],
    [
      "the sandbox secret derived",
      { BETTER_AUTH_SECRET: AUTH },
      [/SANDBOX_PAYMENT_SECRET is not set: using development secrets derived from DATA_DIR/],
    ],
    ["the auth secret derived", { SANDBOX_PAYMENT_SECRET: SANDBOX }, [/BETTER_AUTH_SECRET is not set/]],
    ["nothing derived", { BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX }, []],
    [
      "a public deployment serving the sandbox",
      { BETTER_AUTH_URL: HTTPS, BETTER_AUTH_SECRET: AUTH, SANDBOX_PAYMENT_SECRET: SANDBOX, QUORUM_SANDBOX_PAYMENTS: "1" },
      [/QUORUM_SANDBOX_PAYMENTS=1 on the public deployment https:\/\/store\.example\.com: the sandbox gateway is served/],
    ],
  ])("%s", (_, source, expected) => {
    const warnings = startupWarnings(parseEnv(source));
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(warnings[i]).toMatch(pattern));
  });
});
