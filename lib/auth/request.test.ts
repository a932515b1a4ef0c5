import { describe, expect, it } from "vitest";
import { requestOrigins } from "./request";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/api/auth/sign-in/email", { headers });

describe("requestOrigins", () => {
  it.each([
    [{ host: "127.0.0.1:3917" }, ["http://127.0.0.1:3917", "https://127.0.0.1:3917"]],
    [{ host: "localhost:3000" }, ["http://localhost:3000", "https://localhost:3000"]],
    [{ host: "[::1]:3000" }, ["http://[::1]:3000", "https://[::1]:3000"]],
    [
      { host: "127.0.0.1:3000", "x-forwarded-host": "store.example.com" },
      ["http://127.0.0.1:3000", "https://127.0.0.1:3000", "http://store.example.com", "https://store.example.com"],
    ],
    [{ host: "evil.example/path" }, []],
    [{ host: "a b" }, []],
    [{}, []],
  ])("%j → %j", (headers, expected) => {
    expect(requestOrigins(req(headers))).toEqual(expected);
  });

  it("trusts nothing without a request", () => {
    expect(requestOrigins(undefined)).toEqual([]);
  });
});
